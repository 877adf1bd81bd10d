namespace Ace.Core.Dynamics;

/// <summary>
/// Standard normal numbers by the Box-Muller transform over a seeded <see cref="Random"/> (whose seeded sequence is
/// stable across .NET versions), so the noise of a run is reproducible from its seed.
/// </summary>
internal sealed class GaussianRandom(int seed)
{
    private readonly Random _uniform = new(seed);
    private double _spare;
    private bool _hasSpare;

    /// <summary>The next number from N(0, 1).</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u1 = 1.0 - _uniform.NextDouble();
        double u2 = _uniform.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }
}
