using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;

namespace Ace.Core.Sites;

/// <summary>
/// What a basis needs from a structure: the species index of every element the basis knows and the per-pair
/// cutoffs of its neighbour lists. Built once per basis; immutable.
/// </summary>
internal sealed class BasisGeometry
{
    private readonly int[] _speciesByAtomicNumber;

    public BasisGeometry(AceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        Basis = basis;
        _speciesByAtomicNumber = Enumerable.Repeat(-1, Element.MaxAtomicNumber + 1).ToArray();
        var elements = new Element[basis.Elements.Count];
        for (int s = 0; s < elements.Length; s++)
        {
            elements[s] = Element.FromSymbol(basis.Elements[s]);
            _speciesByAtomicNumber[elements[s].AtomicNumber] = s;
        }
        Elements = elements;
        var pairs = new List<(Element, Element, double)>();
        for (int a = 0; a < elements.Length; a++)
        {
            for (int b = a; b < elements.Length; b++)
            {
                pairs.Add((elements[a], elements[b], basis.Cutoff(a, b)));
            }
        }
        Cutoffs = new PairCutoffs(pairs);
    }

    public AceBasis Basis { get; }

    /// <summary>The basis elements in species-index order.</summary>
    public IReadOnlyList<Element> Elements { get; }

    public PairCutoffs Cutoffs { get; }

    /// <summary>The species index of <paramref name="element"/>, or -1 when the basis lacks it.</summary>
    public int SpeciesOf(Element element) => _speciesByAtomicNumber[element.AtomicNumber];

    /// <summary>
    /// The neighbourhoods of every atom of <paramref name="structure"/>; <paramref name="describe"/> names the
    /// structure in the error raised for an element the basis lacks.
    /// </summary>
    /// <exception cref="AtomsTooCloseException">Two atoms are closer than <paramref name="minimumSeparation"/> (0: not checked); the message names the structure and the pair.</exception>
    public SiteNeighbourhoods Neighbourhoods(Structure structure, Func<string> describe, double minimumSeparation)
    {
        ArgumentNullException.ThrowIfNull(structure);
        try
        {
            structure.ThrowIfCloserThan(minimumSeparation);
        }
        catch (AtomsTooCloseException e)
        {
            throw new AtomsTooCloseException($"{describe()}: {e.Message}", e.FirstAtom, e.SecondAtom, e.Shift, e.Distance);
        }
        var atomSpecies = new int[structure.AtomCount];
        for (int i = 0; i < atomSpecies.Length; i++)
        {
            int s = SpeciesOf(structure.Elements[i]);
            if (s < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{describe()}: atom {i} is {structure.Elements[i]}, an element the basis lacks (basis elements: {string.Join(", ", Basis.Elements)})"),
                    nameof(structure));
            }
            atomSpecies[i] = s;
        }
        if (structure.AtomCount == 0)
        {
            return new SiteNeighbourhoods(null, atomSpecies, []);
        }
        var list = NeighbourList.Build(structure, Cutoffs);
        var all = list.AllNeighbours;
        var neighbourSpecies = new int[all.Length];
        for (int p = 0; p < all.Length; p++)
        {
            neighbourSpecies[p] = atomSpecies[all[p]];
        }
        return new SiteNeighbourhoods(list, atomSpecies, neighbourSpecies);
    }
}
