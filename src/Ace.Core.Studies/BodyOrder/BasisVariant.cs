using Ace.Core.Basis;

namespace Ace.Core.Studies;

/// <summary>A named way to build a basis from maximum degrees per correlation order (e.g. "self-interacting", "purified").</summary>
/// <param name="Name">The label in tables and plots.</param>
/// <param name="Build">Builds the basis; the list's length is the maximum correlation order.</param>
public sealed record BasisVariant(string Name, Func<IReadOnlyList<int>, AceBasis> Build);
