using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Potentials;

namespace Ace.Core.Trust;

/// <summary>
/// Active learning: picks the most informative candidate structures for a potential with an active set, e.g.
/// <c>LinearAce.Select(potential).Count(20).Run(candidates)</c>. Greedy and de-duplicated by MaxVol: it takes the
/// candidate of largest grade, adds its environments to a copy of the active set by MaxVol swaps (so every one of them
/// then has a grade of at most 1), regrades the remaining candidates against the extended set and repeats; it stops
/// after <see cref="Count"/> structures or when no remaining candidate exceeds <see cref="MinimumGrade"/>. A copy of a
/// chosen structure has grade at most 1 afterwards, so it is never chosen twice; near-copies have grades near 1.
/// Candidates are held in memory with their features (atoms x P values per element).
/// </summary>
public sealed class StructureSelector
{
    private const double SwapTolerance = 1e-9;
    private readonly ActiveSet _activeSet;
    private int _count = 10;
    private double _minimumGrade = 1 + 1e-6;

    /// <summary>Starts a selection for <paramref name="potential"/>.</summary>
    /// <exception cref="InvalidOperationException">The potential has no active set.</exception>
    public StructureSelector(LinearAcePotential potential)
    {
        ArgumentNullException.ThrowIfNull(potential);
        _activeSet = potential.ActiveSet ?? throw new InvalidOperationException(
            "selection needs a potential with an active set; build one with LinearAce.ActiveSet(basis).Build(training) (ace activeset)");
    }

    /// <summary>The most structures to select (default 10).</summary>
    public StructureSelector Count(int structures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(structures, 1);
        _count = structures;
        return this;
    }

    /// <summary>Structures whose current grade is at most this are not informative and are not selected (default 1 + 1e-6).</summary>
    public StructureSelector MinimumGrade(double grade)
    {
        if (!(grade >= 1) || !double.IsFinite(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "the minimum grade must be finite and at least 1");
        }
        _minimumGrade = grade;
        return this;
    }

    /// <summary>The selected structures in the order chosen (fewer than <see cref="Count"/> when the rest are not informative).</summary>
    /// <exception cref="ArgumentException">A candidate contains an element the basis lacks (the message names it).</exception>
    public IReadOnlyList<SelectedStructure> Run(IReadOnlyList<Structure> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var map = _activeSet.Features;
        int speciesCount = map.Basis.Elements.Count;
        var features = new StructureFeatures[candidates.Count];
        OrderedParallel.For(candidates.Count, Environment.ProcessorCount, k =>
        {
            var structure = candidates[k] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"candidate {k} is null"), nameof(candidates));
            features[k] = map.Evaluate(structure, () => string.Create(CultureInfo.InvariantCulture, $"candidate {k} ({structure})"), parallelOverAtoms: false);
        });

        // Per species: all candidate rows stacked, with the structure of each row, and a MaxVol state on A'^-1 = M.
        var rows = new double[speciesCount][];
        var owner = new int[speciesCount][];
        var states = new MaxVolState[speciesCount];
        for (int s = 0; s < speciesCount; s++)
        {
            int p = map.Count(s);
            rows[s] = features.SelectMany(f => f.Rows[s]).ToArray();
            owner[s] = features.SelectMany((f, k) => f.Atoms[s].Select(_ => k)).ToArray();
            states[s] = MaxVolState.FromInverse(p, Augmented(_activeSet.Elements[s], rows[s], p), SwapTolerance);
        }

        var initial = Grades(states, rows, owner, candidates.Count);
        var current = initial;
        var chosen = new bool[candidates.Count];
        var result = new List<SelectedStructure>();
        while (result.Count < _count)
        {
            int best = -1;
            for (int k = 0; k < candidates.Count; k++)
            {
                if (!chosen[k] && current[k] > _minimumGrade && (best < 0 || current[k] > current[best]))
                {
                    best = k;
                }
            }
            if (best < 0)
            {
                break;
            }
            chosen[best] = true;
            result.Add(new SelectedStructure(best, initial[best], current[best]));
            for (int s = 0; s < speciesCount; s++)
            {
                int p = map.Count(s);
                var mine = Enumerable.Range(0, owner[s].Length).Where(i => owner[s][i] == best).ToArray();
                if (mine.Length == 0)
                {
                    continue;
                }
                var block = new double[mine.Length * p];
                for (int k = 0; k < mine.Length; k++)
                {
                    rows[s].AsSpan(mine[k] * p, p).CopyTo(block.AsSpan(k * p, p));
                }
                states[s].Absorb(block, mine.Length, mine.Select(i => new EnvironmentReference(best, i)).ToArray());
            }
            current = Grades(states, rows, owner, candidates.Count);
        }
        return result;
    }

    /// <summary>The largest grade of every candidate against the current states.</summary>
    private static double[] Grades(MaxVolState[] states, double[][] rows, int[][] owner, int candidates)
    {
        var max = new double[candidates];
        for (int s = 0; s < states.Length; s++)
        {
            int count = owner[s].Length;
            if (count == 0)
            {
                continue;
            }
            var grades = new double[count];
            states[s].Grades(rows[s], count, grades);
            for (int i = 0; i < count; i++)
            {
                max[owner[s][i]] = Math.Max(max[owner[s][i]], grades[i]);
            }
        }
        return max;
    }

    /// <summary>
    /// The active set's M with the complement columns divided by the complement scale, the inverse of the active rows
    /// augmented by one virtual row per direction outside the training span. An element seen in no training
    /// environment (scale 0) gets a scale of 1e-8 of the largest candidate feature norm, so its candidates grade ~1e8.
    /// </summary>
    private static double[] Augmented(ElementActiveSet set, double[] candidateRows, int p)
    {
        var m = set.Projection.ToArray();
        double scale = set.ComplementScale;
        if (scale == 0)
        {
            double largest = 0;
            for (int i = 0; i < candidateRows.Length / Math.Max(1, p); i++)
            {
                largest = Math.Max(largest, Math.Sqrt(candidateRows.AsSpan(i * p, p).ToArray().Sum(x => x * x)));
            }
            scale = largest > 0 ? 1e-8 * largest : 1;
        }
        for (int k = 0; k < p; k++)
        {
            for (int j = set.Rank; j < p; j++)
            {
                m[k * p + j] /= scale;
            }
        }
        return m;
    }
}
