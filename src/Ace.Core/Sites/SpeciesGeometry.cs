using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Sites;

/// <summary>
/// What a potential needs from a structure: the species index of every element it knows and the per-pair cutoffs of its
/// neighbour lists. Built once per potential; immutable.
/// </summary>
internal class SpeciesGeometry
{
    private readonly int[] _speciesByAtomicNumber;
    private readonly IReadOnlyList<string> _symbols;
    private readonly string _owner;

    /// <summary>Creates the geometry of <paramref name="elements"/> with the pair cutoffs <paramref name="cutoff"/>(a, b); <paramref name="owner"/> ("the basis") names it in errors.</summary>
    public SpeciesGeometry(IReadOnlyList<string> elements, Func<int, int, double> cutoff, string owner)
    {
        _symbols = elements;
        _owner = owner;
        _speciesByAtomicNumber = Enumerable.Repeat(-1, Element.MaxAtomicNumber + 1).ToArray();
        var parsed = new Element[elements.Count];
        for (int s = 0; s < parsed.Length; s++)
        {
            parsed[s] = Element.FromSymbol(elements[s]);
            _speciesByAtomicNumber[parsed[s].AtomicNumber] = s;
        }
        Elements = parsed;
        var pairs = new List<(Element, Element, double)>();
        for (int a = 0; a < parsed.Length; a++)
        {
            for (int b = a; b < parsed.Length; b++)
            {
                pairs.Add((parsed[a], parsed[b], cutoff(a, b)));
            }
        }
        Cutoffs = new PairCutoffs(pairs);
    }

    /// <summary>The elements in species-index order.</summary>
    public IReadOnlyList<Element> Elements { get; }

    public PairCutoffs Cutoffs { get; }

    /// <summary>The species index of <paramref name="element"/>, or -1 when it is unknown.</summary>
    public int SpeciesOf(Element element) => _speciesByAtomicNumber[element.AtomicNumber];

    /// <summary>
    /// The neighbourhoods of every atom of <paramref name="structure"/>; <paramref name="describe"/> names the
    /// structure in the error raised for an unknown element. <paramref name="list"/>, when given, is the
    /// structure's neighbour list at <see cref="Cutoffs"/> (kept by the caller); otherwise it is built.
    /// </summary>
    /// <exception cref="AtomsTooCloseException">Two atoms are closer than <paramref name="minimumSeparation"/> (0: not checked); the message names the structure and the pair.</exception>
    public SiteNeighbourhoods Neighbourhoods(Structure structure, Func<string> describe, double minimumSeparation, NeighbourList? list = null)
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
                    $"{describe()}: atom {i} is {structure.Elements[i]}, an element {_owner} lacks ({_owner} elements: {string.Join(", ", _symbols)})"),
                    nameof(structure));
            }
            atomSpecies[i] = s;
        }
        if (structure.AtomCount == 0)
        {
            return new SiteNeighbourhoods(null, atomSpecies, []);
        }
        if (list is not null && (list.AtomCount != structure.AtomCount || list.Cutoff != Cutoffs.Max))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{describe()}: the neighbour list given covers {list.AtomCount} atoms with cutoff {list.Cutoff}, not the structure's {structure.AtomCount} atoms with the cutoff {Cutoffs.Max} of {_owner}"),
                nameof(list));
        }
        list ??= NeighbourList.Build(structure, Cutoffs);
        var all = list.AllNeighbours;
        var neighbourSpecies = new int[all.Length];
        for (int p = 0; p < all.Length; p++)
        {
            neighbourSpecies[p] = atomSpecies[all[p]];
        }
        return new SiteNeighbourhoods(list, atomSpecies, neighbourSpecies);
    }
}
