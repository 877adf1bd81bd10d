using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Studies;

/// <summary>
/// The study's silicon training sets generated with Stillinger-Weber labels (the embedded default data, so the study
/// runs without the DFT files): "Si2", "Si3", "Si4", "Si5" are single cluster sizes; "Si23", "Si234", "Si2345" and
/// "Si345" are unions. Each size is generated and split once from its own seeded stream, so "Si23" is exactly "Si2"
/// plus "Si3" and the validation structures of a size never appear in any training set.
/// </summary>
public static class SiliconStudyData
{
    /// <summary>The set names of the study, with dimers first: Si2, Si23, Si234, Si2345, then Si3, Si4, Si5, Si345.</summary>
    public static IReadOnlyList<string> Names { get; } = ["Si2", "Si23", "Si234", "Si2345", "Si3", "Si4", "Si5", "Si345"];

    /// <summary>The generated set <paramref name="name"/> ("Si" followed by distinct increasing sizes 2 to 5).</summary>
    /// <exception cref="ArgumentException">The name is not of that form.</exception>
    public static StudyDataset Generate(string name, SiliconStudyDataOptions? options = null)
    {
        var sizes = ParseSizes(name);
        options ??= SiliconStudyDataOptions.Default;
        var train = new List<Structure>();
        var validation = new List<Structure>();
        foreach (int size in sizes)
        {
            var (t, v) = Split(size, options);
            train.AddRange(t);
            validation.AddRange(v);
        }
        return new StudyDataset(name, train, validation);
    }

    /// <summary>The training and validation structures of one cluster size (2 to 5).</summary>
    public static (IReadOnlyList<Structure> Train, IReadOnlyList<Structure> Validation) Split(int atoms, SiliconStudyDataOptions? options = null)
    {
        options ??= SiliconStudyDataOptions.Default;
        if (!(options.ValidationFraction >= 0 && options.ValidationFraction <= 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ValidationFraction, "the validation fraction must lie in [0, 0.9]");
        }
        int count = options.Count(atoms);
        var generator = new SiliconClusterGenerator(unchecked(options.Seed * 31 + atoms));
        var all = atoms == 2 ? generator.Dimers(count) : generator.Clusters(atoms, count);
        // A seeded shuffle decides the held-out structures, so validation dimers are spread over the whole grid.
        var order = Enumerable.Range(0, all.Count).ToArray();
        new Random(unchecked(options.Seed * 37 + atoms)).Shuffle(order);
        int validationCount = (int)Math.Round(options.ValidationFraction * all.Count);
        var held = order.Take(validationCount).Order().Select(i => all[i]).ToList();
        var kept = order.Skip(validationCount).Order().Select(i => all[i]).ToList();
        return (kept, held);
    }

    /// <summary>The cluster sizes a set name lists ("Si234" gives 2, 3, 4).</summary>
    /// <exception cref="ArgumentException">The name is not "Si" followed by distinct increasing digits 2 to 5.</exception>
    public static IReadOnlyList<int> ParseSizes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sizes = new List<int>();
        bool ok = name.StartsWith("Si", StringComparison.Ordinal) && name.Length > 2;
        for (int i = 2; ok && i < name.Length; i++)
        {
            int size = name[i] - '0';
            ok = size is >= 2 and <= 5 && (sizes.Count == 0 || size > sizes[^1]);
            sizes.Add(size);
        }
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{name}' is not a study set name: expected 'Si' followed by increasing cluster sizes 2 to 5, e.g. {string.Join(", ", Names)}"), nameof(name));
        }
        return sizes;
    }
}
