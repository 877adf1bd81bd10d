using Ace.Core.Primitives.Polynomials;

namespace Ace.Core.Primitives.Tests.Polynomials;

public class GammaFunctionTests
{
    [TestCase(1.0 / 3, 2.6789385347077476337)]
    [TestCase(0.25, 3.6256099082219083119)]
    [TestCase(0.5, 1.7724538509055160273)]
    [TestCase(5.0, 24.0)]
    [TestCase(4.25, 8.28508514183522)] // 3.25 * 2.25 * 1.25 * Gamma(1.25), Gamma(1.25) = Gamma(1/4) / 4
    [TestCase(1.0 + 1.0 / 3, 0.89297951156924921122)]
    public void Gamma_MatchesKnownValues(double x, double expected)
    {
        Assert.That(GammaFunction.Gamma(x), Is.EqualTo(expected).Within(3e-15 * expected));
        Assert.That(GammaFunction.LogGamma(x), Is.EqualTo(Math.Log(expected)).Within(1e-14));
    }
}
