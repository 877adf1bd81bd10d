using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Coupling;
using Ace.Core.TestUtilities;

namespace Ace.Core.Basis.Tests;

/// <summary>Small bases and random environments shared by the tests (also by the purification tests).</summary>
internal static class BasisFixtures
{
    public static TransformedJacobiRadialSpecification SiliconRadial { get; } = new(2.35, 5.0);

    /// <summary>One element (Si), total degree with the given D per correlation order (index 0 = order 1).</summary>
    public static AceBasisSpecification SingleElement(params int[] degrees) =>
        new(["Si"], SiliconRadial, degrees.Length, new TotalDegreeSelection(degrees.Select(d => (Rational)d).ToArray()));

    /// <summary>Three elements with a different cutoff for several pairs, orders up to 3, and a pair basis.</summary>
    public static AceBasisSpecification ThreeElements(bool withPairBasis = true) => new(
        ["Si", "C", "O"],
        new TransformedJacobiRadialSpecification(2.0, 4.6),
        3,
        new TotalDegreeSelection([5, 5, 4]),
        [
            new ElementPairRadial("Si", "Si", new TransformedJacobiRadialSpecification(2.35, 5.2)),
            new ElementPairRadial("C", "C", new TransformedJacobiRadialSpecification(1.5, 4.0)),
            new ElementPairRadial("O", "Si", new TransformedJacobiRadialSpecification(1.7, 4.3, PIn: 1)),
        ],
        withPairBasis ? new PairBasisSpecification(4, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3)) : null);

    /// <summary>A random environment of <paramref name="count"/> neighbours of species <paramref name="center"/>, each inside its pair cutoff.</summary>
    public static (Vec3[] Displacements, int[] Species) RandomEnvironment(Random random, AceBasis basis, int center, int count,
        double rMin = 0.9, double cutoffFraction = 0.97)
    {
        var d = new Vec3[count];
        var s = new int[count];
        for (int j = 0; j < count; j++)
        {
            s[j] = random.Next(basis.Elements.Count);
            var (x, y, z) = RandomGeometry.PointInShell(random, rMin, cutoffFraction * basis.Cutoff(center, s[j]));
            d[j] = new Vec3(x, y, z);
        }
        return (d, s);
    }

    public static Vec3 Apply(double[,] q, Vec3 v)
    {
        var (x, y, z) = RandomGeometry.Apply(q, v.X, v.Y, v.Z);
        return new Vec3(x, y, z);
    }

    /// <summary>The site values (many-body columns of the center, then the pair columns) by one <see cref="AceBasis.EvaluateSite"/> call.</summary>
    public static double[] Values(AceBasis basis, int center, Vec3[] d, int[] s, SiteWorkspace? ws = null)
    {
        var values = new double[basis.SiteFunctionCount(center)];
        basis.EvaluateSite(center, d, s, values, ws ?? basis.CreateWorkspace());
        return values;
    }

    /// <summary>
    /// The coupling coefficients of a function with the given sorted one-particle labels, for brute-force evaluations:
    /// equal consecutive labels form one symmetry class.
    /// </summary>
    public static CouplingBlock Coupling(IReadOnlyList<OneParticleLabel> labels)
    {
        var classes = new int[labels.Count];
        for (int t = 1; t < labels.Count; t++)
        {
            classes[t] = labels[t] == labels[t - 1] ? classes[t - 1] : classes[t - 1] + 1;
        }
        return CouplingCoefficients.Compute(labels.Select(p => p.L).ToArray(), classes);
    }

    public static double MaxAbs(IEnumerable<double> values) => values.Select(Math.Abs).DefaultIfEmpty(0).Max();
}
