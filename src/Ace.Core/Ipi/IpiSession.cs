namespace Ace.Core.Ipi;

/// <summary>How an i-PI session ended.</summary>
/// <param name="Evaluations">The number of geometries evaluated (POSDATA messages answered).</param>
/// <param name="EndedBy">"EXIT" when the server sent EXIT, "closed" when it closed the connection.</param>
/// <param name="InitString">The text of the last INIT message (often empty or one zero byte), or null if none came.</param>
public sealed record IpiSession(int Evaluations, string EndedBy, string? InitString);
