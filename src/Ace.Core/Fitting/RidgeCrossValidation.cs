using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Fitting;

/// <summary>
/// Chooses the Tikhonov factor lambda of <c>(G + lambda^2 Gamma^2) c = b</c> by K-fold cross-validation on per-fold
/// normal equations: for each fold f the coefficients c_f(lambda) are fitted to the other folds (with the prior Gamma_f
/// of those folds) and scored on fold f by its weighted residual sum of squares
/// <c>c^T G_f c - 2 c^T b_f + y^T W^2 y_f</c>, without re-evaluating any structure. One eigendecomposition of
/// <c>Gamma_f^-1 G_-f Gamma_f^-1</c> per fold makes every lambda cost O(n^2), all the candidates of a round at once as
/// matrix products. The grid: lambda0 times the decades
/// 1e-6 .. 1e3 (lambda0 = sqrt(trace G / trace Gamma^2) of all folds), then quarter decades around the best decade.
/// </summary>
internal static class RidgeCrossValidation
{
    /// <summary>The decades of the coarse grid, relative to lambda0.</summary>
    public const int SmallestDecade = -6, LargestDecade = 3;

    /// <summary>Quarter decades of refinement on each side of the best decade.</summary>
    private const int RefinementSteps = 3;

    /// <summary>Cross-validates over <paramref name="folds"/> (at least two) and returns the loss curve and the choice.</summary>
    /// <param name="folds">The normal equations of each fold.</param>
    /// <param name="total">Their sum (sets the scale lambda0).</param>
    /// <param name="totalPrior">Gamma of <paramref name="total"/> (null: the identity), the one the final solve uses.</param>
    /// <param name="prior">How Gamma follows from training normal equations (each fold's from the other folds).</param>
    public static RidgeSelection Select(IReadOnlyList<NormalEquations> folds, NormalEquations total, Prior? totalPrior, FitPrior prior)
    {
        var backend = LinearAlgebra.Backend;
        var spectra = new FoldSpectrum[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            var training = CrossValidation.Sum(folds, except: f);
            spectra[f] = new FoldSpectrum(training, prior.For(training), folds[f], backend);
        }
        double scale = Scale(total, totalPrior);
        var losses = new SortedDictionary<double, double>();
        void Try(IEnumerable<double> decades)
        {
            var lambdas = decades.Select(d => scale * Math.Pow(10, d)).Where(l => !losses.ContainsKey(l)).Distinct().ToArray();
            var sums = new double[lambdas.Length];
            foreach (var spectrum in spectra)
            {
                var fold = spectrum.HeldOutLosses(lambdas, backend);
                for (int l = 0; l < lambdas.Length; l++)
                {
                    sums[l] += fold[l];
                }
            }
            for (int l = 0; l < lambdas.Length; l++)
            {
                losses[lambdas[l]] = sums[l];
            }
        }
        Try(Enumerable.Range(SmallestDecade, LargestDecade - SmallestDecade + 1).Select(d => (double)d));
        int best = SmallestDecade;
        double bestLoss = double.PositiveInfinity;
        for (int d = SmallestDecade; d <= LargestDecade; d++)
        {
            double loss = losses[scale * Math.Pow(10, d)];
            if (loss < bestLoss)
            {
                (best, bestLoss) = (d, loss);
            }
        }
        Try(Enumerable.Range(-RefinementSteps, 2 * RefinementSteps + 1)
            .Select(q => best + q / (RefinementSteps + 1.0))
            .Where(decade => decade >= SmallestDecade && decade <= LargestDecade));
        return new RidgeSelection(folds.Count, scale, losses.Select(p => new RidgeCandidate(p.Key, p.Value)).ToList());
    }

    /// <summary>lambda0 = sqrt(trace G / trace Gamma^2), or 1 when G is zero.</summary>
    private static double Scale(NormalEquations normal, Prior? prior)
    {
        int n = normal.Columns;
        double gram = 0, gamma = 0;
        for (int j = 0; j < n; j++)
        {
            gram += normal.Gram[j * n + j];
            double g = prior is null ? 1 : prior.Diagonal[j];
            gamma += g * g;
        }
        return gram > 0 ? Math.Sqrt(gram / gamma) : 1;
    }

    /// <summary>
    /// One fold: the eigendecomposition <c>Gamma^-1 G Gamma^-1 = V diag(e) V^T</c> of the other folds' Gram matrix,
    /// <c>z = V^T Gamma^-1 b</c>, so <c>c(lambda) = Gamma^-1 V diag(1 / (e + lambda^2)) z</c>; and the held-out fold.
    /// </summary>
    private sealed class FoldSpectrum
    {
        private readonly int _n;
        private readonly double[] _eigenvalues;
        private readonly double[] _vectors;
        private readonly double[] _projections;
        private readonly double[] _inverseGamma;
        private readonly NormalEquations _heldOut;

        public FoldSpectrum(NormalEquations training, Prior? prior, NormalEquations heldOut, ILinearAlgebraBackend backend)
        {
            int n = _n = training.Columns;
            _heldOut = heldOut;
            _inverseGamma = new double[n];
            for (int j = 0; j < n; j++)
            {
                _inverseGamma[j] = prior is null ? 1 : 1 / prior.Diagonal[j];
            }
            var scaled = training.Gram.ToArray();
            var b = new double[n];
            for (int j = 0; j < n; j++)
            {
                b[j] = training.ProjectedTargets[j] * _inverseGamma[j];
                for (int i = 0; i < n; i++)
                {
                    scaled[i + j * n] *= _inverseGamma[i] * _inverseGamma[j];
                }
            }
            _eigenvalues = new double[n];
            _vectors = new double[n * n];
            backend.SymmetricEigen(n, scaled, _eigenvalues, _vectors);
            _projections = new double[n];
            for (int k = 0; k < n; k++)
            {
                _eigenvalues[k] = Math.Max(0, _eigenvalues[k]); // rounding can make a zero eigenvalue slightly negative
                double z = 0;
                for (int j = 0; j < n; j++)
                {
                    z += _vectors[j + k * n] * b[j];
                }
                _projections[k] = z;
            }
        }

        /// <summary>
        /// The held-out weighted residual sums of squares <c>c^T G_f c - 2 c^T b_f + y^T W^2 y_f</c> of the coefficients
        /// fitted with each of <paramref name="lambdas"/>: the coefficient vectors of all candidates at once as one
        /// matrix product <c>Gamma^-1 V D</c> (D_kl = z_k / (e_k + lambda_l^2)), then <c>G_f C</c> as another, so every
        /// candidate costs two matrix-vector products at the BLAS's matrix-matrix rate.
        /// </summary>
        public double[] HeldOutLosses(IReadOnlyList<double> lambdas, ILinearAlgebraBackend backend)
        {
            int n = _n, count = lambdas.Count;
            var losses = new double[count];
            if (count == 0)
            {
                return losses;
            }
            var weights = new double[n * count];
            for (int l = 0; l < count; l++)
            {
                double squared = lambdas[l] * lambdas[l];
                for (int k = 0; k < n; k++)
                {
                    weights[k + l * n] = _projections[k] / (_eigenvalues[k] + squared);
                }
            }
            var coefficients = new double[n * count];
            backend.Gemm(false, false, n, count, n, 1, _vectors, weights, 0, coefficients);
            for (int l = 0; l < count; l++)
            {
                for (int j = 0; j < n; j++)
                {
                    coefficients[j + l * n] *= _inverseGamma[j];
                }
            }
            var gramTimes = new double[n * count];
            backend.Gemm(false, false, n, count, n, 1, _heldOut.Gram, coefficients, 0, gramTimes);
            var projected = _heldOut.ProjectedTargets;
            for (int l = 0; l < count; l++)
            {
                double quadratic = 0, linear = 0;
                for (int j = 0; j < n; j++)
                {
                    double c = coefficients[j + l * n];
                    quadratic += c * gramTimes[j + l * n];
                    linear += c * projected[j];
                }
                losses[l] = Math.Max(0, _heldOut.TargetSquaredNorm - 2 * linear + quadratic);
            }
            return losses;
        }
    }
}
