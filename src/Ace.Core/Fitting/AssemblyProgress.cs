namespace Ace.Core.Fitting;

/// <summary>Progress of an assembly, reported after every structure.</summary>
/// <param name="StructuresDone">Structures assembled so far.</param>
/// <param name="StructureCount">All structures.</param>
/// <param name="AtomsDone">Atoms assembled so far.</param>
/// <param name="Elapsed">Time since the assembly started.</param>
public readonly record struct AssemblyProgress(int StructuresDone, int StructureCount, long AtomsDone, TimeSpan Elapsed)
{
    /// <summary>The fraction done, 0 .. 1.</summary>
    public double Fraction => StructureCount == 0 ? 1 : (double)StructuresDone / StructureCount;
}
