using System.Text;

namespace Ace.Cli.Config;

/// <summary>
/// The commented config `ace init` writes: every key of <see cref="FitConfigReader"/> with a comment, optional keys
/// commented out, defaults that fit a small silicon data set once <c>data.train</c> points at it.
/// </summary>
internal static class FitConfigTemplate
{
    /// <summary>The training file the template names (relative to the config).</summary>
    public const string TrainPath = "train.xyz";

    /// <summary>The template's text.</summary>
    public static string Text { get; } = Build();

    private static string Build()
    {
        var solvers = new StringBuilder();
        int width = SolverCatalog.All.Max(s => s.Name.Length);
        foreach (var s in SolverCatalog.All)
        {
            solvers.Append("#   ").Append(s.Name.PadRight(width)).Append("  ").Append(s.Description).Append('\n');
        }
        var ridgeCv = $"{{type: {SolverCatalog.RidgeCv}, folds: {SolverCatalog.DefaultRidgeFolds}}}";
        return $$"""
            # ace fit config, written by `ace init` (reference: docs/cli.md). Run it with: ace fit <this file>
            # Paths are relative to this file. Optional keys are commented out; remove the '# ' to use them.

            # The chemical elements of the potential.
            elements: [Si]
            # The cutoff radius of the atomic neighbourhoods, Angstrom.
            cutoff: 5.0
            # The transformed-Jacobi radial basis.
            radial:
              r0: 2.3                   # scale of the distance transform, Angstrom (typically the nearest-neighbour distance)
              p: 2                      # exponent p of the distance transform
              q: 4                      # exponent q of the distance transform
              pin: 2                    # envelope exponent at r = 0
              pcut: 2                   # envelope exponent at the cutoff
            # Optional per element pair (A-B, or A-A for like atoms): its own cutoff and radial settings (keys as in radial,
            # plus cutoff); unset keys take the values above. With two elements, e.g. Si-C with its own cutoff and r0.
            # pairs: { Si-Si: { cutoff: 5.0, r0: 2.35 } }
            # The maximum total degree per correlation order, one per order (body order = order + 1): body orders 2, 3, 4.
            degrees: [12, 10, 8]
            # Optional check: the highest body order, which must equal the number of degrees + 1.
            # body_order: 4
            # Optional weight w_L of the angular degree l in the total-degree rule n + w_L l (default 1.5).
            # angular_weight: 1.5
            # true (or full): the purified (self-interaction-free) basis; pure2b: ACE1x's default (every many-body function
            # vanishes on one neighbour); false: the self-interacting one.
            purify: false
            # The reference data (extended XYZ).
            data:
              train: {{TrainPath}}               # the training structures
              # validation: val.xyz     # optional: structures for a validation error table
              energy_key: energy        # the header key of the total energy, eV
              # forces_key: forces      # optional: the per-atom forces column (default: forces, or force)
            # The energy of one free atom per element, eV, subtracted before fitting (0: fit total energies).
            reference_energies: {Si: 0.0}
            # The weights of the energy (per atom), force and virial rows.
            weights:
              energy: 30                # the energy rows (energy per atom)
              forces: 1                 # the force rows (components)
              virial: 0                 # the virial rows (0: not fitted)
            # Optional weights per config_type of the data (missing keys: energy 1, forces 1, virial 0).
            # config_type_weights:
            #   Si2: {energy: 100, forces: 1}
            # Optional: pacemaker's loss (1 - kappa) <(dE/N)^2> + kappa <|dF|^2>: the weights above are normalised over the
            # structures (energies) and atoms (forces), then scaled by 1 - kappa and kappa (kappa in [0, 1] or auto; no virials).
            # loss: {kappa: 0.3}
            # The least-squares solver, one of:
            {{solvers}}# or the mapping form {type: qr, regularisation: 1e-6} ({{SolverCatalog.Names(c => c.TakesRegularisation)}}), {{ridgeCv}}.
            solver: {{SolverCatalog.Default.Name}}
            # Optional smoothness prior ({{SolverCatalog.Names(c => c.TakesPrior)}} only): p the exponent of the degrees (>= 1), angular_weight
            # its w_L (default: the basis's), scale_by_column_norms also scales by the design columns' norms.
            # prior: {type: {{FitConfigReader.SmoothnessPrior}}, p: 4, angular_weight: 1.5, scale_by_column_norms: false}
            # Optional: K-fold cross-validation after the fit, out-of-fold errors (K >= 2; {{SolverCatalog.Names(c => c.AcceptsNormalEquations)}}).
            # cross_validate: 5
            # Optional: pacemaker's fitted radial functions R_nl = sum_k W_nlk g_k over the first `primitives` radial functions,
            # fitted with the coefficients (blr or {{SolverCatalog.RidgeCv}}; data.validation, if given, chooses the step; any purify;
            # not with cross_validate). Keys: primitives (K, at least the largest n), max_iterations, patience, smoothness, max_minutes.
            # fit_radials: {primitives: 16, max_iterations: 50, patience: 10, smoothness: 0}
            # Optional: the training, validation and out-of-fold error tables as one CSV.
            # errors_csv: errors.csv
            # Optional: the largest basis to build (checked before building; defaults 50000 functions, 5000000
            # product-graph nodes, 4 GiB); raise them only for a basis meant to be that large.
            # limits: {functions: 50000, product_nodes: 5000000, memory_gb: 4}
            # Where the fitted potential is saved (JSON).
            output: potential.json

            """;
    }
}
