namespace Ace.Core.Fitting.Radials;

/// <summary>
/// A small limited-memory BFGS minimiser (two-loop recursion, memory m) with a backtracking Armijo line search; the
/// first step is scaled to move the largest parameter by <c>firstStep</c>. Deterministic. The caller's callback sees
/// every accepted point and may stop the run. A trial point the caller cannot evaluate (null) is treated as no decrease:
/// the step shrinks.
/// </summary>
internal sealed class Lbfgs(int memory = 8, double firstStep = 0.02)
{
    private const double Armijo = 1e-4;
    private const double Shrink = 0.3;
    private const int MaxBacktracks = 10;

    /// <summary>
    /// Minimises from <paramref name="start"/> (already evaluated); <paramref name="evaluate"/> returns the point (its
    /// loss and gradient through <paramref name="view"/>), or null where the objective is undefined (e.g. a singular system);
    /// <paramref name="accepted"/> is called after each iteration with the iteration number and the new point and returns
    /// false to stop. Returns why it stopped.
    /// </summary>
    public string Minimise<TPoint>(TPoint start, Func<TPoint, (double Loss, double[] Gradient, double[] X)> view,
        Func<double[], TPoint?> evaluate, Func<int, TPoint, bool> accepted, int maxIterations)
        where TPoint : class
    {
        var current = start;
        var (f, g, x) = view(current);
        var s = new List<double[]>();
        var y = new List<double[]>();
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            var d = Direction(g, s, y);
            double slope = Dot(g, d);
            if (!(slope < 0))
            {
                s.Clear();
                y.Clear();
                d = g.Select(v => -v).ToArray();
                slope = Dot(g, d);
                if (!(slope < 0))
                {
                    return "the gradient vanished";
                }
            }
            double t = s.Count == 0 ? firstStep / Math.Max(d.Max(Math.Abs), 1e-300) : 1.0;
            TPoint? next = null;
            bool found = false;
            for (int attempt = 0; attempt <= MaxBacktracks; attempt++)
            {
                var trial = new double[x.Length];
                for (int j = 0; j < x.Length; j++)
                {
                    trial[j] = x[j] + t * d[j];
                }
                next = evaluate(trial);
                if (next is not null && view(next).Loss <= f + Armijo * t * slope)
                {
                    found = true;
                    break;
                }
                t *= Shrink;
            }
            if (!found)
            {
                return "the line search found no decrease";
            }
            var (fNext, gNext, xNext) = view(next!);
            var sk = new double[x.Length];
            var yk = new double[x.Length];
            for (int j = 0; j < x.Length; j++)
            {
                sk[j] = xNext[j] - x[j];
                yk[j] = gNext[j] - g[j];
            }
            if (Dot(sk, yk) > 1e-12 * Math.Sqrt(Dot(sk, sk) * Dot(yk, yk)))
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }
            }
            (current, f, g, x) = (next!, fNext, gNext, xNext);
            if (!accepted(iteration, current))
            {
                return "stopped";
            }
        }
        return "the iteration limit";
    }

    private static double[] Direction(double[] g, List<double[]> s, List<double[]> y)
    {
        var q = (double[])g.Clone();
        int m = s.Count;
        var alpha = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            alpha[i] = Dot(s[i], q) / Dot(y[i], s[i]);
            for (int j = 0; j < q.Length; j++)
            {
                q[j] -= alpha[i] * y[i][j];
            }
        }
        if (m > 0)
        {
            double gamma = Dot(s[m - 1], y[m - 1]) / Dot(y[m - 1], y[m - 1]);
            for (int j = 0; j < q.Length; j++)
            {
                q[j] *= gamma;
            }
        }
        for (int i = 0; i < m; i++)
        {
            double beta = Dot(y[i], q) / Dot(y[i], s[i]);
            for (int j = 0; j < q.Length; j++)
            {
                q[j] += s[i][j] * (alpha[i] - beta);
            }
        }
        for (int j = 0; j < q.Length; j++)
        {
            q[j] = -q[j];
        }
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
