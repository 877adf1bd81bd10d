namespace Ace.Core.Trust;

/// <summary>The feature rows of one structure: per species a row-major (atoms of that species) x features block.</summary>
/// <param name="AtomCount">The number of atoms of the structure.</param>
/// <param name="Rows">Per species, the rows of its atoms in atom order.</param>
/// <param name="Atoms">Per species, the atom index of every row.</param>
internal sealed record StructureFeatures(int AtomCount, double[][] Rows, int[][] Atoms);
