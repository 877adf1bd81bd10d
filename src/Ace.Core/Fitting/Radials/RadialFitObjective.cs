using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Sites;
using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Fitting.Radials;

/// <summary>
/// The variable-projection objective of a fitted-radial fit: for radial parameters W the coefficients are the ridge
/// solution c(W) = argmin ||w (Phi(W) c - y)||^2 + lambda^2 ||Gamma c||^2 (lambda and Gamma fixed), and the reduced loss
/// is that minimum plus the radial smoothness penalty. Its gradient in W is the partial derivative at c(W) (the
/// derivative through c vanishes at the minimum), accumulated over sites by <see cref="SiteEnergyModel.AccumulateParameterGradient"/>
/// with the weighted residuals of energies, forces and virials. Structures are evaluated in parallel over contiguous
/// ranges, one per worker, summed in worker order: the result does not depend on thread timing.
/// </summary>
internal sealed class RadialFitObjective
{
    private readonly AceBasis _start;
    private readonly FitSettings _settings;
    private readonly StructurePlan[] _plans;
    private readonly SiteNeighbourhoods[] _sites;
    private readonly double _lambda;
    private readonly Prior? _gamma;
    private readonly RadialSmoothness _smoothness;

    public RadialFitObjective(AceBasis start, FitSettings settings, StructurePlan[] plans, double lambda, Prior? gamma, RadialSmoothness smoothness)
    {
        _start = start;
        _settings = settings with { Progress = null };
        _plans = plans;
        _lambda = lambda;
        _gamma = gamma;
        _smoothness = smoothness;
        var geometry = new BasisGeometry(start);
        _sites = new SiteNeighbourhoods[plans.Length];
        ParallelLoop.Run(() => Parallel.For(0, plans.Length, Options(), s =>
            _sites[s] = geometry.Neighbourhoods(plans[s].Structure, () => plans[s].Description, minimumSeparation: 0)));
    }

    /// <summary>The starting basis (its radials fix the neighbour cutoffs and the parameter layout).</summary>
    public AceBasis StartBasis => _start;

    /// <summary>The parameter layout (that of the starting basis).</summary>
    public FittedRadialParameters Parameters => _start.FittedRadialParameters!;

    /// <summary>The basis, coefficients, reduced loss and its gradient at <paramref name="w"/>.</summary>
    public RadialFitPoint Evaluate(double[] w)
    {
        var basis = AceBasis.Build(Parameters.Specification(w));
        var normal = new DesignAssembler(new BasisGeometry(basis), _settings, _plans).Streamed();
        var c = RidgeSolve(normal);
        var solution = new LeastSquaresSolution("ridge at the frozen lambda and prior (radial fit)", c, normal.ResidualNorm(c), c.Length);
        var (data, coefficientGradient, radialGradient) = DataLoss(basis, c, _plans, _sites, withGradient: true);
        double penalty = 0;
        for (int j = 0; j < c.Length; j++)
        {
            double gc = (_gamma?.Diagonal[j] ?? 1.0) * c[j];
            penalty += _lambda * _lambda * gc * gc;
            coefficientGradient[j] += 2 * _lambda * _lambda * (_gamma?.Diagonal[j] ?? 1.0) * gc;
        }
        double smooth = _smoothness.Add(w, radialGradient);
        return new RadialFitPoint(w, basis, c, solution, data + penalty + smooth, data, radialGradient, coefficientGradient);
    }

    /// <summary>The weighted data loss of the objective's structures and its gradients in the coefficients and the radial parameters.</summary>
    public (double Loss, double[] CoefficientGradient, double[] RadialGradient) DataLossWithGradient(AceBasis basis, double[] coefficients) =>
        DataLoss(basis, coefficients, _plans, _sites, withGradient: true);

    /// <summary>The weighted data loss sum w^2 (prediction - target)^2 of other structures (e.g. a validation set) for a basis and coefficients.</summary>
    public double DataLoss(AceBasis basis, double[] coefficients, StructurePlan[] plans, SiteNeighbourhoods[] sites) =>
        DataLoss(basis, coefficients, plans, sites, withGradient: false).Loss;

    /// <summary>The neighbourhoods of <paramref name="plans"/> (cutoffs of the starting basis), for <see cref="DataLoss(AceBasis, double[], StructurePlan[], SiteNeighbourhoods[])"/>.</summary>
    public SiteNeighbourhoods[] Neighbourhoods(StructurePlan[] plans)
    {
        var geometry = new BasisGeometry(_start);
        var sites = new SiteNeighbourhoods[plans.Length];
        ParallelLoop.Run(() => Parallel.For(0, plans.Length, Options(), s =>
            sites[s] = geometry.Neighbourhoods(plans[s].Structure, () => plans[s].Description, minimumSeparation: 0)));
        return sites;
    }

    private (double Loss, double[] CoefficientGradient, double[] RadialGradient) DataLoss(AceBasis basis, double[] c, StructurePlan[] plans,
        SiteNeighbourhoods[] sites, bool withGradient)
    {
        var model = basis.CreateEnergyModel(c);
        int parameters = withGradient ? basis.FittedRadialParameters?.Count ?? 0 : 0;
        int workers = Math.Max(1, Math.Min(_settings.MaxDegreeOfParallelism, plans.Length));
        var loss = new double[workers];
        var coefficientGradients = new double[workers][];
        var radialGradients = new double[workers][];
        ParallelLoop.Run(() => Parallel.For(0, workers, Options(), worker =>
        {
            var ws = basis.CreateWorkspace();
            var gc = new double[withGradient ? basis.FunctionCount : 0];
            var gw = new double[parameters];
            int from = (int)((long)plans.Length * worker / workers), to = (int)((long)plans.Length * (worker + 1) / workers);
            double sum = 0;
            for (int s = from; s < to; s++)
            {
                sum += Structure(model, plans[s], sites[s], ws, withGradient, gc, gw);
            }
            loss[worker] = sum;
            coefficientGradients[worker] = gc;
            radialGradients[worker] = gw;
        }));
        for (int worker = 1; worker < workers; worker++)
        {
            loss[0] += loss[worker];
            Add(coefficientGradients[0], coefficientGradients[worker]);
            Add(radialGradients[0], radialGradients[worker]);
        }
        return (loss[0], coefficientGradients[0], radialGradients[0]);
    }

    /// <summary>One structure's weighted squared residuals; with <paramref name="withGradient"/> adds their derivatives.</summary>
    private double Structure(SiteEnergyModel model, StructurePlan plan, SiteNeighbourhoods sites, SiteWorkspace ws, bool withGradient,
        double[] coefficientGradient, double[] radialGradient)
    {
        var structure = plan.Structure;
        int n = structure.AtomCount;
        bool needForces = plan.HasForceRows || plan.HasVirialRows;
        var siteEnergies = new double[n];
        var dEdr = new Vec3[sites.PairCount];
        for (int i = 0; i < n; i++)
        {
            var g = dEdr.AsSpan(sites.Offset(i), sites.NeighbourCount(i));
            siteEnergies[i] = needForces
                ? model.EvaluateSiteEnergy(sites.AtomSpecies[i], sites.Displacements(i), sites.NeighbourSpecies(i), g, ws)
                : model.EvaluateSiteEnergy(sites.AtomSpecies[i], sites.Displacements(i), sites.NeighbourSpecies(i), ws);
        }
        var prediction = sites.Assemble(siteEnergies, dEdr, needForces);
        double factor = _settings.EnergyFactor(n);
        double loss = 0, energyWeight = 0;
        if (plan.HasEnergyRow)
        {
            double reference = 0;
            foreach (int species in sites.AtomSpecies)
            {
                reference += _settings.ReferenceBySpecies[species];
            }
            double residual = factor * (prediction.Energy - structure.Energy!.Value + reference);
            double w2 = plan.EnergyWeight * plan.EnergyWeight;
            loss += w2 * residual * residual;
            energyWeight = 2 * w2 * residual * factor;
        }
        var forceResidual = new Vec3[plan.HasForceRows ? n : 0];
        if (plan.HasForceRows)
        {
            double w2 = plan.ForceWeight * plan.ForceWeight;
            var reference = structure.Forces!.Value;
            for (int i = 0; i < n; i++)
            {
                var r = prediction.Forces[i] - reference[i];
                loss += w2 * (r.X * r.X + r.Y * r.Y + r.Z * r.Z);
                forceResidual[i] = 2 * w2 * r;
            }
        }
        Span<double> virialResidual = stackalloc double[6];
        virialResidual.Clear();
        if (plan.HasVirialRows)
        {
            double w2 = plan.VirialWeight * plan.VirialWeight;
            Span<double> predicted = stackalloc double[6];
            Span<double> reference = stackalloc double[6];
            prediction.Virial.CopyToVoigt(predicted);
            structure.Virial!.Value.CopyToVoigt(reference);
            for (int v = 0; v < 6; v++)
            {
                double r = factor * (predicted[v] - reference[v]);
                loss += w2 * r * r;
                virialResidual[v] = 2 * w2 * r * factor;
            }
        }
        if (!withGradient)
        {
            return loss;
        }

        // Lambda = a E + sum_i b_i . F_i + sum_v V_v virial_v = sum over sites of a E_i + sum_j v_ij . dE_i/dr_ij with
        // v_ij = b_i - b_j - M r_ij (F_j -= dE_i/dr_ij, F_i += dE_i/dr_ij; virial = -sym sum r (x) dE/dr, M the symmetric
        // matrix of the Voigt residuals with the off-diagonal ones halved).
        var (xx, yy, zz, yz, xz, xy) = (virialResidual[0], virialResidual[1], virialResidual[2], 0.5 * virialResidual[3],
            0.5 * virialResidual[4], 0.5 * virialResidual[5]);
        var directions = new Vec3[sites.MaxNeighbourCount()];
        for (int i = 0; i < n; i++)
        {
            var neighbours = sites.Neighbours(i);
            var displacements = sites.Displacements(i);
            var v = directions.AsSpan(0, neighbours.Length);
            var own = plan.HasForceRows ? forceResidual[i] : default;
            for (int k = 0; k < neighbours.Length; k++)
            {
                var d = displacements[k];
                var m = new Vec3(xx * d.X + xy * d.Y + xz * d.Z, xy * d.X + yy * d.Y + yz * d.Z, xz * d.X + yz * d.Y + zz * d.Z);
                v[k] = (plan.HasForceRows ? own - forceResidual[neighbours[k]] : default) - m;
            }
            model.AccumulateParameterGradient(sites.AtomSpecies[i], displacements, sites.NeighbourSpecies(i), energyWeight, v,
                coefficientGradient, radialGradient, ws);
        }
        return loss;
    }

    /// <summary>
    /// c = (G + lambda^2 Gamma^2)^-1 b, solved as (D (Gamma^-1 G Gamma^-1 + lambda^2 I) D) (D^-1 Gamma c) = D Gamma^-1 b with
    /// D scaling the matrix to a unit diagonal, so that columns of very different norms (high correlation orders) do
    /// not make the Cholesky factorisation fail where the scaled system is well posed.
    /// </summary>
    /// <exception cref="SingularMatrixException">The scaled system is singular to working precision.</exception>
    private double[] RidgeSolve(NormalEquations normal)
    {
        int n = normal.Columns;
        var gram = normal.Gram;
        var projected = normal.ProjectedTargets;
        var scale = new double[n];
        for (int j = 0; j < n; j++)
        {
            double gamma = _gamma?.Diagonal[j] ?? 1.0;
            double diagonal = gram[j * n + j] / (gamma * gamma) + _lambda * _lambda;
            if (!(diagonal > 0))
            {
                throw new SingularMatrixException($"the radial fit's ridge system has an empty column {j} and no regularisation");
            }
            scale[j] = 1.0 / (gamma * Math.Sqrt(diagonal));
        }
        var matrix = new double[n * n];
        var rhs = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                matrix[i + j * n] = gram[i + j * n] * scale[i] * scale[j];
            }
            double gamma = _gamma?.Diagonal[j] ?? 1.0;
            matrix[j + j * n] += _lambda * _lambda * gamma * gamma * scale[j] * scale[j];
            rhs[j] = projected[j] * scale[j];
        }
        LinearAlgebra.Backend.CholeskySolve(n, matrix, rhs, 1);
        double smallest = double.PositiveInfinity;
        for (int j = 0; j < n; j++)
        {
            smallest = Math.Min(smallest, Math.Abs(matrix[j + j * n]));
        }
        if (smallest * smallest <= n * 1e-16)
        {
            throw new SingularMatrixException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the radial fit's ridge system (lambda {_lambda:G3}) is singular to working precision after scaling (smallest Cholesky pivot {smallest:G3}); use a larger ridge strength (Ridge(lambda))"));
        }
        for (int j = 0; j < n; j++)
        {
            rhs[j] *= scale[j];
        }
        return rhs;
    }

    private static void Add(double[] target, double[] source)
    {
        for (int j = 0; j < target.Length; j++)
        {
            target[j] += source[j];
        }
    }

    private ParallelOptions Options() => new() { MaxDegreeOfParallelism = _settings.MaxDegreeOfParallelism };
}

/// <summary>One evaluation of the reduced loss.</summary>
/// <param name="Parameters">The radial parameters W.</param>
/// <param name="Basis">The basis with these radials.</param>
/// <param name="Coefficients">c(W), the ridge solution.</param>
/// <param name="Solution">The solver's answer.</param>
/// <param name="Loss">The reduced loss: data + lambda^2 ||Gamma c||^2 + smoothness.</param>
/// <param name="DataLoss">The weighted squared residuals alone.</param>
/// <param name="Gradient">d Loss / d W.</param>
/// <param name="CoefficientGradient">d Loss / d c at c(W) (zero up to rounding at the ridge solution).</param>
internal sealed record RadialFitPoint(double[] Parameters, AceBasis Basis, double[] Coefficients, LeastSquaresSolution Solution,
    double Loss, double DataLoss, double[] Gradient, double[] CoefficientGradient);
