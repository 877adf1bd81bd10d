using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Serialization;
using Ace.Core.Sites;

using Ace.Core.Fitting;

namespace Ace.Core.Potentials;

/// <summary>
/// A linear ACE potential: E = sum_i E0(z_i) + sum_i sum_f c_f B_f(i), with the one-body reference energies E0
/// and one coefficient per basis column. Energies, forces (one adjoint sweep per atom, independent of the number of
/// functions), virials and stresses of periodic, partly periodic or open structures. Immutable and thread-safe;
/// the atoms of a structure are evaluated in parallel and summed in a fixed order, so results are reproducible.
/// </summary>
public sealed partial class LinearAcePotential : IPotential
{
    private readonly double _minimumSeparation = Structure.DefaultMinimumSeparation;

    /// <summary>Structures with at least this many atoms are evaluated in parallel over atoms.</summary>
    public const int ParallelAtomThreshold = 64;

    private readonly double[] _coefficients;
    private readonly double[] _referenceBySpecies;
    private readonly BasisGeometry _geometry;
    private readonly SiteEnergyModel _model;
    private readonly WorkspacePool _workspaces;
    private readonly int[][] _orderOfCenterFunction;

    /// <summary>Creates the potential from a basis, its coefficients and the reference one-body energies.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="coefficients">One coefficient per basis column (copied).</param>
    /// <param name="referenceEnergies">E0 per element symbol in eV; elements not listed have E0 = 0. Null for none.</param>
    /// <exception cref="ArgumentException">The coefficient count differs from the basis, a value is not finite, or a reference energy names an element the basis lacks.</exception>
    public LinearAcePotential(AceBasis basis, ReadOnlySpan<double> coefficients, IReadOnlyDictionary<string, double>? referenceEnergies = null)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (coefficients.Length != basis.FunctionCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{coefficients.Length} coefficients for a basis of {basis.FunctionCount} functions"), nameof(coefficients));
        }
        for (int k = 0; k < coefficients.Length; k++)
        {
            if (!double.IsFinite(coefficients[k]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"coefficient {k} ({basis.Functions[k]}) is not finite: {coefficients[k]}"), nameof(coefficients));
            }
        }
        Basis = basis;
        _coefficients = coefficients.ToArray();
        _referenceBySpecies = new double[basis.Elements.Count];
        var references = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (element, energy) in referenceEnergies ?? ReadOnlyDictionary<string, double>.Empty)
        {
            if (!double.IsFinite(energy))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"the reference energy of {element} is not finite: {energy}"), nameof(referenceEnergies));
            }
            int species = IndexOf(basis.Elements, element);
            if (species < 0)
            {
                throw new ArgumentException(
                    $"a reference energy is given for {element}, which the basis lacks (basis elements: {string.Join(", ", basis.Elements)})",
                    nameof(referenceEnergies));
            }
            _referenceBySpecies[species] = energy;
            references[element] = energy;
        }
        ReferenceEnergies = new ReadOnlyDictionary<string, double>(references);
        _geometry = new BasisGeometry(basis);
        _model = basis.CreateEnergyModel(_coefficients);
        _workspaces = new WorkspacePool(basis);
        _orderOfCenterFunction = new int[basis.Elements.Count][];
        for (int s = 0; s < basis.Elements.Count; s++)
        {
            var range = basis.ColumnRange(s);
            _orderOfCenterFunction[s] = Enumerable.Range(range.Start, range.Count).Select(c => basis.Functions[c].CorrelationOrder).ToArray();
        }
    }

    /// <summary>
    /// Evaluation rejects a structure with two atoms (or an atom and a periodic image) closer than this many Angstrom,
    /// naming the structure and the pair (default <see cref="Structure.DefaultMinimumSeparation"/>, the one rule of
    /// docs/errors.md; 0 turns the check off).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">(init) Negative or not finite.</exception>
    public double MinimumSeparation
    {
        get => _minimumSeparation;
        init => _minimumSeparation = value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the minimum separation must be a finite non-negative distance in Angstrom");
    }

    /// <summary>The basis.</summary>
    public AceBasis Basis { get; }

    /// <summary>How the potential was fitted (saved with it), or null when unknown (built from coefficients, or loaded from an older file).</summary>
    public FitProvenance? Provenance { get; private init; }

    /// <summary>The same potential (basis, coefficients, reference energies, active set, committee) with <paramref name="provenance"/> recorded.</summary>
    public LinearAcePotential WithProvenance(FitProvenance? provenance) => Copy(_activeSet, _committee, provenance);

    /// <inheritdoc/>
    public IReadOnlyList<string> Elements => Basis.Elements;

    /// <inheritdoc/>
    public double Cutoff => Basis.MaxCutoff;

    /// <summary>The coefficients, one per basis column.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The reference one-body energies E0 per element symbol (eV) that were given; other elements have 0.</summary>
    public IReadOnlyDictionary<string, double> ReferenceEnergies { get; }

    /// <summary>The reference energy E0 of <paramref name="element"/> (0 when none was given).</summary>
    /// <exception cref="ArgumentException">The basis lacks the element.</exception>
    public double ReferenceEnergy(string element) => _referenceBySpecies[Basis.SpeciesIndex(element)];

    /// <summary>The total energy in eV.</summary>
    public double Energy(Structure structure) => Evaluate(structure, withForces: false).Energy;

    /// <summary>The forces -dE/dr_i in eV/Angstrom.</summary>
    public ImmutableArray<Vec3> Forces(Structure structure) => Evaluate(structure).Forces;

    /// <summary>The virial in eV (minus the strain derivative of the energy; see <see cref="PotentialEvaluation.Virial"/>).</summary>
    public SymmetricTensor3 Virial(Structure structure) => Evaluate(structure).Virial;

    /// <summary>The stress -virial / volume in eV/Angstrom^3 (ASE sign convention).</summary>
    /// <exception cref="InvalidOperationException">The structure's cell has no volume.</exception>
    public SymmetricTensor3 Stress(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.Cell.IsSingular)
        {
            throw new InvalidOperationException($"{structure} has no cell volume, so its stress is undefined; use Virial");
        }
        return (-1.0 / structure.Cell.Volume) * Evaluate(structure).Virial;
    }

    /// <summary>The site energies E0(z_i) + E_i in eV (they sum to the total energy).</summary>
    public ImmutableArray<double> SiteEnergies(Structure structure) => Evaluate(structure, withForces: false).SiteEnergies;

    /// <summary>
    /// The energy split by correlation order: entry 0 is the sum of the reference one-body energies, entry nu
    /// (1 .. MaxCorrelationOrder) the energy of the many-body functions of correlation order nu (body order nu + 1);
    /// the pair basis, a two-body term, is counted in entry 1. The entries sum to the total energy up to rounding.
    /// </summary>
    public double[] EnergyByCorrelationOrder(Structure structure)
    {
        var sites = _geometry.Neighbourhoods(structure, () => structure.ToString(), MinimumSeparation);
        var result = new double[Basis.MaxCorrelationOrder + 1];
        var ws = _workspaces.Rent();
        try
        {
            var values = new double[Enumerable.Range(0, Basis.Elements.Count).Max(Basis.SiteFunctionCount)];
            var pairRange = Basis.PairColumnRange;
            for (int i = 0; i < sites.AtomCount; i++)
            {
                int center = sites.AtomSpecies[i];
                result[0] += _referenceBySpecies[center];
                var range = Basis.ColumnRange(center);
                var v = values.AsSpan(0, Basis.SiteFunctionCount(center));
                Basis.EvaluateSite(center, sites.Displacements(i), sites.NeighbourSpecies(i), v, ws);
                var orders = _orderOfCenterFunction[center];
                for (int f = 0; f < range.Count; f++)
                {
                    result[orders[f]] += _coefficients[range.Start + f] * v[f];
                }
                for (int f = 0; f < pairRange.Count; f++)
                {
                    result[1] += _coefficients[pairRange.Start + f] * v[range.Count + f];
                }
            }
        }
        finally
        {
            _workspaces.Return(ws);
        }
        return result;
    }

    /// <summary>Energy, site energies, forces and virial of one structure.</summary>
    /// <exception cref="ArgumentException">The structure contains an element the basis lacks.</exception>
    public PotentialEvaluation Evaluate(Structure structure) => Evaluate(structure, withForces: true);

    /// <inheritdoc/>
    public PairCutoffs NeighbourCutoffs => _geometry.Cutoffs;

    /// <summary>
    /// <see cref="Evaluate(Structure)"/> with the structure's neighbour list at <see cref="NeighbourCutoffs"/>, kept by
    /// the caller (e.g. a <see cref="SkinNeighbourList"/> over a trajectory), so no neighbour search runs.
    /// </summary>
    /// <exception cref="ArgumentException">The structure contains an element the basis lacks, or the list covers another atom count or cutoff.</exception>
    public PotentialEvaluation Evaluate(Structure structure, NeighbourList neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        return Evaluate(structure, withForces: true, neighbours);
    }

    /// <summary>Saves the potential as a versioned JSON document, atomically (see <see cref="PotentialSerializer"/>).</summary>
    public void Save(string path) => PotentialSerializer.Save(this, path);

    /// <summary>Loads a potential saved by <see cref="Save"/>.</summary>
    /// <exception cref="PotentialFormatException">The file is corrupt, of another format, or of a newer version.</exception>
    public static LinearAcePotential Load(string path) => PotentialSerializer.Load(path);

    private PotentialEvaluation Evaluate(Structure structure, bool withForces, NeighbourList? list = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var sites = _geometry.Neighbourhoods(structure, () => structure.ToString(), MinimumSeparation, list);
        int n = sites.AtomCount;
        var siteEnergies = new double[n];
        var dEdr = withForces ? new Vec3[sites.PairCount] : [];
        if (n >= ParallelAtomThreshold)
        {
            int chunks = Math.Min(Environment.ProcessorCount * 4, n);
            ParallelLoop.Run(() => Parallel.For(0, chunks, chunk =>
            {
                EvaluateSites(sites, (int)((long)n * chunk / chunks), (int)((long)n * (chunk + 1) / chunks), siteEnergies, dEdr, withForces);
            }));
        }
        else
        {
            EvaluateSites(sites, 0, n, siteEnergies, dEdr, withForces);
        }
        return sites.Assemble(siteEnergies, dEdr, withForces);
    }

    private static int IndexOf(IReadOnlyList<string> elements, string element)
    {
        for (int s = 0; s < elements.Count; s++)
        {
            if (string.Equals(elements[s], element, StringComparison.Ordinal))
            {
                return s;
            }
        }
        return -1;
    }

    private void EvaluateSites(SiteNeighbourhoods sites, int first, int end, double[] siteEnergies, Vec3[] dEdr, bool withForces)
    {
        var ws = _workspaces.Rent();
        try
        {
            for (int i = first; i < end; i++)
            {
                int center = sites.AtomSpecies[i];
                double e = withForces
                    ? _model.EvaluateSiteEnergy(center, sites.Displacements(i), sites.NeighbourSpecies(i),
                        dEdr.AsSpan(sites.Offset(i), sites.NeighbourCount(i)), ws)
                    : _model.EvaluateSiteEnergy(center, sites.Displacements(i), sites.NeighbourSpecies(i), ws);
                siteEnergies[i] = _referenceBySpecies[center] + e;
            }
        }
        finally
        {
            _workspaces.Return(ws);
        }
    }
}
