using Ace.Core.Basis;

namespace Ace.Core.Analysis;

/// <summary>The coefficients two fits give the same basis function (matched by label).</summary>
/// <param name="Label">The function's label in the first fit's basis.</param>
/// <param name="First">The coefficient in the first fit.</param>
/// <param name="Second">The coefficient in the second fit.</param>
public sealed record CoefficientPair(BasisFunctionLabel Label, double First, double Second)
{
    /// <summary>Second - First.</summary>
    public double Difference => Second - First;
}
