namespace Ace.Core.Trust;

/// <summary>One structure chosen by <see cref="StructureSelector"/>.</summary>
/// <param name="Index">Its index among the candidates (0-based).</param>
/// <param name="Grade">Its largest extrapolation grade against the potential's active set.</param>
/// <param name="GradeWhenSelected">Its largest grade against the active set extended by the structures selected before it.</param>
public sealed record SelectedStructure(int Index, double Grade, double GradeWhenSelected);
