using Ace.Core.Primitives;

namespace Ace.Core.Basis;

/// <summary>
/// Receives one site's gradients a block of functions at a time from
/// <see cref="AceBasis.EvaluateSiteWithGradients(int, ReadOnlySpan{Vec3}, ReadOnlySpan{int}, Span{double}, ISiteGradientSink, SiteWorkspace)"/>,
/// while they are still in cache: the way to scatter them into force or virial rows without holding every function's
/// gradients of a site at once.
/// </summary>
public interface ISiteGradientSink
{
    /// <summary>
    /// Takes the gradients of site functions <paramref name="firstFunction"/> .. firstFunction + functionCount - 1:
    /// <c>gradients[(f - firstFunction) * neighbourCount + j]</c> is d value_f / d(r_j - r_i) for neighbour j (the
    /// caller's order). The span is only valid during the call. Blocks arrive in increasing order of functions and
    /// cover every site function once.
    /// </summary>
    /// <param name="firstFunction">The site function of the block's first row.</param>
    /// <param name="functionCount">The number of functions (rows) in the block.</param>
    /// <param name="gradients">The rows, functionCount * neighbourCount long.</param>
    void Accept(int firstFunction, int functionCount, ReadOnlySpan<Vec3> gradients);
}
