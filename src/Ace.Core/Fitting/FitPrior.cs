using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// How a fit obtains its prior Gamma from the assembled data: the identity, a fixed diagonal, or the smoothness prior
/// scaled by the weighted column norms of the data solved (<see cref="SmoothnessPriors.ScaleByColumnNorms"/>).
/// Immutable; one of the cases below.
/// </summary>
internal abstract record FitPrior
{
    private FitPrior()
    {
    }

    /// <summary>No prior: Gamma is the identity.</summary>
    public static FitPrior Identity { get; } = new IdentityPrior();

    /// <summary>The builder call that chose this prior, for messages ("" for the identity).</summary>
    public abstract string Call { get; }

    /// <summary>Gamma for the data of <paramref name="normal"/> (null: the identity).</summary>
    public abstract Prior? For(NormalEquations normal);

    /// <summary>Gamma for the data of <paramref name="problem"/> (null: the identity).</summary>
    public abstract Prior? For(LeastSquaresProblem problem);

    /// <summary>The same Gamma whatever the data: a diagonal prior chosen in advance.</summary>
    public static FitPrior Fixed(Prior gamma, string call) => new FixedPrior(gamma, call);

    /// <summary>Gamma_jj = (1 + d_j) ||W A_j|| with the weighted column norms of the data solved.</summary>
    public static FitPrior ColumnScaled(double[] degrees, string call) => new ColumnScaledPrior(degrees, call);

    private sealed record IdentityPrior : FitPrior
    {
        public override string Call => "";

        public override Prior? For(NormalEquations normal) => null;

        public override Prior? For(LeastSquaresProblem problem) => null;
    }

    private sealed record FixedPrior(Prior Gamma, string Description) : FitPrior
    {
        public override string Call => Description;

        public override Prior? For(NormalEquations normal) => Gamma;

        public override Prior? For(LeastSquaresProblem problem) => Gamma;
    }

    private sealed record ColumnScaledPrior(double[] Degrees, string Description) : FitPrior
    {
        public override string Call => Description;

        public override Prior? For(NormalEquations normal) => SmoothnessPriors.ScaleByColumnNorms(Degrees, GramColumnNorms(normal));

        public override Prior? For(LeastSquaresProblem problem) => SmoothnessPriors.ScaleByColumnNorms(Degrees, ColumnNorms(problem));

        /// <summary>The weighted column norms sqrt(G_jj) from the Gram diagonal.</summary>
        private static double[] GramColumnNorms(NormalEquations normal)
        {
            int n = normal.Columns;
            var norms = new double[n];
            for (int j = 0; j < n; j++)
            {
                norms[j] = Math.Sqrt(normal.Gram[j * n + j]);
            }
            return norms;
        }

        /// <summary>The weighted norms ||W A_j|| of the columns of a dense problem.</summary>
        private static double[] ColumnNorms(LeastSquaresProblem problem)
        {
            var norms = new double[problem.Columns];
            for (int j = 0; j < norms.Length; j++)
            {
                var column = problem.Design.Slice(j * problem.Rows, problem.Rows);
                double sum = 0;
                for (int i = 0; i < column.Length; i++)
                {
                    double v = problem.Weights[i] * column[i];
                    sum += v * v;
                }
                norms[j] = Math.Sqrt(sum);
            }
            return norms;
        }
    }
}
