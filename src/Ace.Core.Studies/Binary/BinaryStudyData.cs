using Ace.Core.Atoms;

namespace Ace.Core.Studies;

/// <summary>
/// A generated two-element training and validation set labelled with a <see cref="BinaryStillingerWeber"/> reference
/// (Si-Ge by default): dimers of the three element pairs, random clusters of 3 to 5 atoms and small periodic cells.
/// Each kind is generated from its own seeded stream and split by a seeded shuffle, so validation structures are
/// spread over every kind and never appear in the training set.
/// </summary>
public static class BinaryStudyData
{
    /// <summary>The generated set, named after the two elements (e.g. "SiGe").</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1 or the validation fraction is outside [0, 0.9].</exception>
    public static StudyDataset Generate(BinaryStudyDataOptions? options = null, BinaryStillingerWeber? reference = null)
    {
        options ??= BinaryStudyDataOptions.Default;
        reference ??= BinaryStillingerWeber.SiliconGermanium;
        if (!(options.ValidationFraction >= 0 && options.ValidationFraction <= 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ValidationFraction, "the validation fraction must lie in [0, 0.9]");
        }
        var train = new List<Structure>();
        var validation = new List<Structure>();
        void Add(int stream, IReadOnlyList<Structure> all)
        {
            var order = Enumerable.Range(0, all.Count).ToArray();
            new Random(unchecked(options.Seed * 37 + stream)).Shuffle(order);
            int validationCount = (int)Math.Round(options.ValidationFraction * all.Count);
            validation.AddRange(order.Take(validationCount).Order().Select(i => all[i]));
            train.AddRange(order.Skip(validationCount).Order().Select(i => all[i]));
        }
        BinaryClusterGenerator Generator(int stream) => new(unchecked(options.Seed * 31 + stream), reference);
        var (a, b) = (reference.First, reference.Second);
        Add(0, Generator(0).Dimers(a, a, options.DimersPerPair));
        Add(1, Generator(1).Dimers(b, b, options.DimersPerPair));
        Add(2, Generator(2).Dimers(a, b, options.DimersPerPair));
        for (int size = 3; size <= 5; size++)
        {
            Add(size, Generator(size).Clusters(size, options.ClustersPerSize));
        }
        Add(6, Generator(6).PeriodicCells(options.Cells));
        return new StudyDataset(a.Symbol + b.Symbol, train, validation);
    }
}
