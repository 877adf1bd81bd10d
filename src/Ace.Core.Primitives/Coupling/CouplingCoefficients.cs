using System.Collections.Concurrent;

namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Generalised real coupling coefficients: the rotation invariants of products of real spherical harmonics
/// prod_t A_(l_t m_t) of 1 to <see cref="MaxOrder"/> one-particle functions (the B functions of ACE).
/// </summary>
/// <remarks>
/// Coefficients come from the left-to-right recursive coupling paths with complex Clebsch-Gordan coefficients
/// (all intermediate degrees), transformed to the real harmonics (<see cref="RealHarmonicTransform"/>),
/// canonicalised onto sorted m-tuples inside runs of identical labels, and reduced to an orthonormal basis of
/// their span (Gram-Schmidt with re-orthogonalisation, relative rank tolerance 1e-10). Paths are taken until the
/// span reaches <see cref="Multiplicity"/> (the tests check that all paths together give exactly that rank).
/// Blocks are cached by (l-tuple, run pattern); all members are thread-safe. See docs/coupling.md.
/// </remarks>
public static class CouplingCoefficients
{
    /// <summary>The largest supported tuple length (correlation order).</summary>
    public const int MaxOrder = 6;

    /// <summary>The largest supported degree l of a one-particle function.</summary>
    public const int MaxL = 127;

    /// <summary>
    /// Relative tolerance of the rank decision, against the larger of 1 (the norm of every complex coupling path
    /// before symmetrisation) and the candidate's own norm.
    /// </summary>
    internal const double RankTolerance = 1e-10;

    /// <summary>Entries of an orthonormal row below this magnitude are set to zero.</summary>
    internal const double ZeroThreshold = 1e-14;

    private static readonly ConcurrentDictionary<CouplingKey, Lazy<CouplingBlock>> Blocks = new();

    /// <summary>
    /// The coupling block of an l-tuple. <paramref name="labelClass"/>[t] identifies the one-particle label
    /// (z, n, l) at position t: equal values mean identical labels, which must have equal l and be contiguous
    /// (the tuple is sorted). Only the pattern matters, not the values.
    /// </summary>
    /// <param name="l">The degrees l_t, length 1..6, each in 0..<see cref="MaxL"/>.</param>
    /// <param name="labelClass">One class value per position.</param>
    /// <returns>The cached, immutable block (possibly with zero invariants; for length 1 only l = 0 has one).</returns>
    /// <exception cref="ArgumentException">Length 0 or above 6, mismatched lengths, equal classes with different l,
    /// or a class that is not contiguous.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An l is negative or above <see cref="MaxL"/>.</exception>
    public static CouplingBlock Compute(ReadOnlySpan<int> l, ReadOnlySpan<int> labelClass)
    {
        var input = CouplingInput.Create(l, labelClass);
        return Blocks.GetOrAdd(input.Key, _ => new Lazy<CouplingBlock>(() => Build(input))).Value;
    }

    /// <summary>
    /// The number of independent rotation invariants of the block (same arguments as <see cref="Compute"/>),
    /// from characters: the multiplicity of the trivial representation of SO(3) in the tensor product over runs
    /// of the symmetric powers Sym^k(V_l), (1/pi) int_0^pi (1 - cos w) chi(w) dw, evaluated exactly with the
    /// cycle-index (Polya) formula for the characters of symmetric powers.
    /// </summary>
    /// <param name="l">The degrees l_t, length 1..6, each in 0..<see cref="MaxL"/>.</param>
    /// <param name="labelClass">One class value per position, as for <see cref="Compute"/>.</param>
    /// <exception cref="ArgumentException">As for <see cref="Compute"/>.</exception>
    public static int Multiplicity(ReadOnlySpan<int> l, ReadOnlySpan<int> labelClass) =>
        SymmetrisedCharacter.TrivialMultiplicity(CouplingInput.Create(l, labelClass));

    /// <summary>
    /// Builds a block. With <paramref name="stopAtMultiplicity"/> the coupling paths stop as soon as the
    /// character-formula count of independent invariants is reached (the remaining paths cannot add to the span);
    /// without it every path is offered, which the tests use to check the count independently.
    /// </summary>
    internal static CouplingBlock Build(CouplingInput input, bool stopAtMultiplicity = true)
    {
        var builder = new CoupledVectorBuilder(input);
        int wanted = stopAtMultiplicity ? SymmetrisedCharacter.TrivialMultiplicity(input) : int.MaxValue;
        // Without repeated labels there is no canonicalisation: the coupling paths are orthonormal (Clebsch-Gordan
        // orthogonality) and the map to real harmonics is unitary, so the candidates are already orthonormal.
        bool distinctLabels = input.RunStart.Length == input.Order;
        var orthonormaliser = new IncrementalOrthonormaliser(RankTolerance, referenceNorm: 1.0, offeredOrthogonal: distinctLabels);
        if (wanted > 0)
        {
            foreach (var candidate in builder.Candidates())
            {
                if (orthonormaliser.TryAdd(candidate) && orthonormaliser.Basis.Count == wanted)
                {
                    break;
                }
            }
        }
        var rows = orthonormaliser.Basis;
        var columnKeys = builder.ColumnKeys;
        int order = input.Order;

        // Keep the columns with a non-zero entry, in lexicographic order of their m-tuples.
        var kept = new List<int>();
        foreach (var row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                if (Math.Abs(row[c]) < ZeroThreshold)
                {
                    row[c] = 0.0;
                }
            }
        }
        for (int c = 0; c < columnKeys.Count; c++)
        {
            foreach (var row in rows)
            {
                if (row[c] != 0.0)
                {
                    kept.Add(c);
                    break;
                }
            }
        }
        kept.Sort((a, b) => columnKeys[a].CompareTo(columnKeys[b]));

        int columns = kept.Count;
        var mTuples = new int[columns * order];
        for (int j = 0; j < columns; j++)
        {
            CoupledVectorBuilder.Unpack(columnKeys[kept[j]], mTuples.AsSpan(j * order, order));
        }
        var coefficients = new double[rows.Count * columns];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = coefficients.AsSpan(i * columns, columns);
            int largest = 0;
            for (int j = 0; j < columns; j++)
            {
                row[j] = rows[i][kept[j]];
                if (Math.Abs(row[j]) > Math.Abs(row[largest]))
                {
                    largest = j;
                }
            }
            if (columns > 0 && row[largest] < 0)
            {
                for (int j = 0; j < columns; j++)
                {
                    row[j] = -row[j];
                }
            }
        }
        return new CouplingBlock(input.L, input.RunIndex, rows.Count, columns, mTuples, coefficients);
    }
}
