using Ace.Core.Atoms;

namespace Ace.Core.Studies;

/// <summary>A named training set with its validation set (e.g. "Si23": dimers and trimers).</summary>
/// <param name="Name">The study's name of the set ("Si2", "Si23", "Si345", ...).</param>
/// <param name="Train">The training structures.</param>
/// <param name="Validation">The validation structures (may be empty when the study has no validation split).</param>
public sealed record StudyDataset(string Name, IReadOnlyList<Structure> Train, IReadOnlyList<Structure> Validation)
{
    /// <summary>The cluster sizes the name lists: "Si234" gives 2, 3, 4.</summary>
    public IReadOnlyList<int> ClusterSizes => SiliconStudyData.ParseSizes(Name);

    /// <summary>True when the training set contains dimers.</summary>
    public bool HasDimers => ClusterSizes.Contains(2);
}
