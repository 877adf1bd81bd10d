namespace Ace.Core.Trust;

/// <summary>One atomic environment of a data set: atom <paramref name="Atom"/> of structure <paramref name="Structure"/> (0-based indices).</summary>
/// <param name="Structure">The index of the structure in the data set.</param>
/// <param name="Atom">The index of the atom in the structure.</param>
public readonly record struct EnvironmentReference(int Structure, int Atom);
