namespace Ace.Core.Fitting;

/// <summary>A training structure cannot be used as given; the message names the structure and the problem.</summary>
public sealed class TrainingDataException : ArgumentException
{
    /// <summary>Creates the exception for structure <paramref name="structureIndex"/> (0-based position in the training set).</summary>
    public TrainingDataException(int structureIndex, string description, string problem, Exception? innerException = null)
        : base($"training structure {structureIndex} ({description}): {problem}", innerException)
    {
        StructureIndex = structureIndex;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingDataException()
    {
        StructureIndex = -1;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingDataException(string message)
        : base(message)
    {
        StructureIndex = -1;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        StructureIndex = -1;
    }

    /// <summary>The 0-based index of the structure in the training set (-1 when not about one structure).</summary>
    public int StructureIndex { get; }
}
