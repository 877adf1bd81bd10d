using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;

namespace Ace.Core.Trust;

/// <summary>
/// The D-optimality extrapolation grade of a linear ACE basis (pacemaker's active set, for a linear model): per
/// element, the training environments whose feature rows span the largest volume (MaxVol), and for a new environment
/// with feature row b the grade gamma = max_j |(b A^-1)_j|, the largest coefficient needed to write b as a combination
/// of the active rows A. gamma &lt;= 1 (up to the construction's tolerance) for every training environment: the model
/// interpolates there; gamma &gt; 1 means extrapolation, and pacemaker users treat 1 &lt; gamma &lt; 2..5 as mild and
/// gamma &gt; 5..10 as unreliable. Built by <see cref="ActiveSetBuilder"/> (<c>LinearAce.ActiveSet(basis).Build(training)</c>),
/// attached to a potential with <c>potential.WithActiveSet(set)</c> and saved with it. Immutable and thread-safe.
/// </summary>
public sealed class ActiveSet
{
    private readonly ElementActiveSet[] _bySpecies;
    private readonly SiteFeatureMap _features;

    internal ActiveSet(SiteFeatureMap features, ElementActiveSet[] bySpecies, double tolerance, int passes)
    {
        _features = features;
        _bySpecies = bySpecies;
        Tolerance = tolerance;
        Passes = passes;
        Elements = new ReadOnlyCollection<ElementActiveSet>(bySpecies);
    }

    /// <summary>The basis the features come from.</summary>
    public AceBasis Basis => _features.Basis;

    /// <summary>The active set of every element of the basis, in the basis's element order.</summary>
    public IReadOnlyList<ElementActiveSet> Elements { get; }

    /// <summary>The MaxVol tolerance: a training environment may have a grade up to 1 + Tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The number of passes over the training data after the first (Gram) pass.</summary>
    public int Passes { get; }

    internal SiteFeatureMap Features => _features;

    /// <summary>The active set of <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">The basis lacks the element.</exception>
    public ElementActiveSet this[string element] => _bySpecies[Basis.SpeciesIndex(element)];

    /// <summary>The grade of every atom of <paramref name="structure"/>.</summary>
    /// <exception cref="ArgumentException">The structure contains an element the basis lacks.</exception>
    public ExtrapolationGrades Grade(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var grades = new double[structure.AtomCount];
        var features = _features.Evaluate(structure, () => structure.ToString());
        Grade(features, grades);
        return new ExtrapolationGrades(ImmutableArray.Create(grades));
    }

    /// <summary>The largest grade of any atom of <paramref name="structure"/> (the per-step check of a simulation).</summary>
    /// <exception cref="ArgumentException">The structure contains an element the basis lacks.</exception>
    public double MaxGrade(Structure structure) => Grade(structure).Max;

    /// <summary>The per-atom grades of precomputed features.</summary>
    internal void Grade(StructureFeatures features, Span<double> perAtom)
    {
        for (int s = 0; s < _bySpecies.Length; s++)
        {
            var atoms = features.Atoms[s];
            if (atoms.Length == 0)
            {
                continue;
            }
            var grades = new double[atoms.Length];
            _bySpecies[s].Grades(features.Rows[s], atoms.Length, grades);
            for (int k = 0; k < atoms.Length; k++)
            {
                perAtom[atoms[k]] = grades[k];
            }
        }
    }

    /// <summary>Throws unless this set was built for a basis with exactly the functions of <paramref name="basis"/>.</summary>
    internal void RequireBasis(AceBasis basis, string what)
    {
        if (ReferenceEquals(basis, Basis))
        {
            return;
        }
        bool same = basis.FunctionCount == Basis.FunctionCount && basis.Elements.SequenceEqual(Basis.Elements, StringComparer.Ordinal);
        for (int k = 0; same && k < basis.FunctionCount; k++)
        {
            same = string.Equals(basis.Functions[k].ToString(), Basis.Functions[k].ToString(), StringComparison.Ordinal);
        }
        if (!same)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: the active set was built for a basis of {Basis.FunctionCount} functions ({string.Join(", ", Basis.Elements)}), not this one of {basis.FunctionCount} ({string.Join(", ", basis.Elements)})"));
        }
    }
}
