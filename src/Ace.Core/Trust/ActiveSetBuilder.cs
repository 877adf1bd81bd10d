using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Trust;

/// <summary>
/// Builds the <see cref="ActiveSet"/> of a basis from training structures, streamed: the structures are read in batches
/// of <see cref="BatchSize"/> (features evaluated in parallel over the batch), and only the active rows, one batch and
/// P x P matrices per element are held, so memory does not grow with the number of structures. The sequence is
/// enumerated several times (pass a list, or a lazy reader such as <c>ExtendedXyz.Read</c> for files larger than
/// memory):
/// <list type="number">
/// <item>the Gram matrix G = sum b b^T of every element's features; its eigenvectors with eigenvalues above
/// <see cref="RankTolerance"/> times the largest span the training directions (rank r), and the features are whitened
/// there (z = b V_r Lambda_r^-1/2), so the MaxVol below works on well-conditioned r-vectors even for P &gt; N;</item>
/// <item>passes of streamed MaxVol: a pivoted Gram-Schmidt fill until r rows span the space, then every environment
/// with a grade above 1 + <see cref="Tolerance"/> is offered to MaxVol together with the current active rows (and
/// the rows near the boundary, grade above 0.7, which MaxVol keeps in a bounded reservoir), until a whole pass changes
/// nothing, so every training environment has gamma &lt;= 1 + tolerance.</item>
/// </list>
/// Feature directions outside the training span (eigenvalues at most t = RankTolerance x the largest) enter the grade
/// as |b . u| / sqrt(t): the training environments stay at most 1 there (sum over them of (b . u)^2 is at most t), and
/// new environments that leave the span are flagged. The result does not depend on the number of threads.
/// </summary>
public sealed class ActiveSetBuilder
{
    private readonly SiteFeatureMap _features;
    private int _batchSize = 256;
    private double _tolerance = 1e-10;
    private double _rankTolerance = 1e-11;
    private int _maxPasses = 50;
    private int _parallelism = Environment.ProcessorCount;

    /// <summary>Rows offered to MaxVol together with those above 1 + tolerance, so they can enter its reservoir.</summary>
    private const double NearBoundary = 0.7;

    /// <summary>Starts an active set of <paramref name="basis"/>.</summary>
    public ActiveSetBuilder(AceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _features = new SiteFeatureMap(basis);
    }

    /// <summary>Structures per batch (default 256).</summary>
    public ActiveSetBuilder BatchSize(int structures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(structures, 1);
        _batchSize = structures;
        return this;
    }

    /// <summary>
    /// The MaxVol tolerance: a swap needs a coefficient above 1 + tolerance, and training environments end with grades
    /// at most 1 + tolerance (default 1e-10; pacemaker's pace_activeset uses 0.001 to 0.01 for speed).
    /// </summary>
    public ActiveSetBuilder Tolerance(double tolerance)
    {
        if (!(tolerance > 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the MaxVol tolerance must be positive and finite");
        }
        _tolerance = tolerance;
        return this;
    }

    /// <summary>
    /// Eigenvalues of the feature Gram matrix at most this fraction of the largest count as outside the training span
    /// (default 1e-11, singular values 3e-6 of the largest; the Gram matrix is only accurate to about 1e-13 of it).
    /// </summary>
    public ActiveSetBuilder RankTolerance(double relative)
    {
        if (!(relative > 0 && relative < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relative), relative, "the rank tolerance must lie in (0, 1)");
        }
        _rankTolerance = relative;
        return this;
    }

    /// <summary>The most MaxVol passes over the data (default 50); more throw.</summary>
    public ActiveSetBuilder MaxPasses(int passes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        _maxPasses = passes;
        return this;
    }

    /// <summary>The number of threads evaluating features (default: all cores).</summary>
    public ActiveSetBuilder MaxDegreeOfParallelism(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _parallelism = threads;
        return this;
    }

    /// <summary>Builds the active set from <paramref name="training"/> (enumerated several times, see the class).</summary>
    /// <exception cref="ArgumentException">The data set is empty or a structure contains an element the basis lacks (the message names it).</exception>
    /// <exception cref="InvalidOperationException">MaxVol did not settle within <see cref="MaxPasses"/> passes.</exception>
    public ActiveSet Build(IEnumerable<Structure> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var basis = _features.Basis;
        int speciesCount = basis.Elements.Count;
        var backend = LinearAlgebra.Backend;

        // Pass 0: Gram matrices and environment counts.
        var gram = new double[speciesCount][];
        var counts = new long[speciesCount];
        for (int s = 0; s < speciesCount; s++)
        {
            gram[s] = new double[_features.Count(s) * _features.Count(s)];
        }
        int structures = 0;
        foreach (var (first, batch) in Batches(training))
        {
            structures = first + batch.Length;
            for (int s = 0; s < speciesCount; s++)
            {
                var (rows, _) = Stack(batch, s, first);
                int count = rows.Length / Math.Max(1, _features.Count(s));
                if (count > 0)
                {
                    backend.AddGram(count, _features.Count(s), rows, MatrixLayout.RowMajor, gram[s]);
                    counts[s] += count;
                }
            }
        }
        if (structures == 0)
        {
            throw new ArgumentException("the training set is empty", nameof(training));
        }

        var whitening = new Whitening[speciesCount];
        var states = new MaxVolState?[speciesCount];
        for (int s = 0; s < speciesCount; s++)
        {
            whitening[s] = Whitening.Of(_features.Count(s), gram[s], _rankTolerance, backend);
            gram[s] = [];
            if (whitening[s].Rank > 0)
            {
                states[s] = new MaxVolState(whitening[s].Rank, 1e-3 / Math.Sqrt(counts[s]), _tolerance);
            }
        }

        // Passes of streamed MaxVol until one changes nothing.
        var maxGrades = new double[speciesCount];
        int passes = 0;
        bool changed = true;
        while (changed)
        {
            if (passes == _maxPasses)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"the active set did not settle in {_maxPasses} passes over the data (MaxVol tolerance {_tolerance:G3}); raise MaxPasses or the tolerance"));
            }
            passes++;
            changed = false;
            Array.Clear(maxGrades);
            foreach (var (first, batch) in Batches(training))
            {
                for (int s = 0; s < speciesCount; s++)
                {
                    if (states[s] is not { } state)
                    {
                        continue;
                    }
                    var (rows, environments) = Stack(batch, s, first);
                    int count = environments.Count;
                    if (count == 0)
                    {
                        continue;
                    }
                    var z = whitening[s].Apply(rows, count);
                    if (!state.IsFull)
                    {
                        changed |= state.Absorb(z, count, environments);
                        continue;
                    }
                    var grades = new double[count];
                    state.Grades(z, count, grades);
                    var offered = new List<int>();
                    for (int i = 0; i < count; i++)
                    {
                        maxGrades[s] = Math.Max(maxGrades[s], grades[i]);
                        if (grades[i] > NearBoundary)
                        {
                            offered.Add(i);
                        }
                    }
                    if (offered.Any(i => grades[i] > 1 + _tolerance))
                    {
                        int r = state.Dimension;
                        var candidates = new double[offered.Count * r];
                        for (int k = 0; k < offered.Count; k++)
                        {
                            z.AsSpan(offered[k] * r, r).CopyTo(candidates.AsSpan(k * r, r));
                        }
                        changed |= state.Absorb(candidates, offered.Count, offered.Select(i => environments[i]).ToArray());
                    }
                }
            }
            foreach (var state in states)
            {
                if (state is { IsFull: true })
                {
                    state.Refresh();
                }
                else if (state is not null)
                {
                    throw new InvalidOperationException("the MaxVol fill did not reach the rank of the training features; lower RankTolerance");
                }
            }
        }

        var sets = new ElementActiveSet[speciesCount];
        for (int s = 0; s < speciesCount; s++)
        {
            var projection = whitening[s].Projection(states[s] is { } st ? st.Inverse : []);
            sets[s] = new ElementActiveSet(basis.Elements[s], _features.Columns(s).ToArray(), whitening[s].Rank,
                whitening[s].ComplementScale, projection, states[s]?.Environments.ToArray() ?? [], counts[s], maxGrades[s]);
        }
        return new ActiveSet(_features, sets, _tolerance, passes);
    }

    /// <summary>The rows of species <paramref name="species"/> of a batch, in (structure, atom) order, and their environments.</summary>
    private (double[] Rows, List<EnvironmentReference> Environments) Stack(StructureFeatures[] batch, int species, int first)
    {
        int p = _features.Count(species);
        int total = batch.Sum(f => f.Atoms[species].Length);
        var rows = new double[total * p];
        var environments = new List<EnvironmentReference>(total);
        int offset = 0;
        for (int k = 0; k < batch.Length; k++)
        {
            var block = batch[k].Rows[species];
            block.CopyTo(rows, offset);
            offset += block.Length;
            foreach (int atom in batch[k].Atoms[species])
            {
                environments.Add(new EnvironmentReference(first + k, atom));
            }
        }
        return (rows, environments);
    }

    /// <summary>The features of the structures in batches, each evaluated in parallel over its structures.</summary>
    private IEnumerable<(int First, StructureFeatures[] Batch)> Batches(IEnumerable<Structure> training)
    {
        int index = 0;
        var pending = new List<Structure>(_batchSize);
        foreach (var structure in training)
        {
            pending.Add(structure ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"structure {index + pending.Count} is null"), nameof(training)));
            if (pending.Count == _batchSize)
            {
                yield return (index, Evaluate(pending, index));
                index += pending.Count;
                pending.Clear();
            }
        }
        if (pending.Count > 0)
        {
            yield return (index, Evaluate(pending, index));
        }
    }

    private StructureFeatures[] Evaluate(List<Structure> batch, int first)
    {
        var result = new StructureFeatures[batch.Count];
        OrderedParallel.For(batch.Count, _parallelism, k =>
        {
            var structure = batch[k];
            result[k] = _features.Evaluate(structure, () => string.Create(CultureInfo.InvariantCulture, $"structure {first + k} ({structure})"), parallelOverAtoms: false);
        });
        return result;
    }
}
