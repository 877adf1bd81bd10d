using Ace.Core.Solvers;

namespace Ace.Cli.Config;

/// <summary>One solver a fit config can name (`solver:`): its name, what it is, and what it takes.</summary>
/// <param name="Name">The name in the config, e.g. <c>blr</c>.</param>
/// <param name="Description">One line for the help text, the init template and the docs.</param>
/// <param name="Create">
/// The least-squares solver of a regularisation value (Tikhonov factor or damping; ignored by solvers that take none),
/// or null for <c>ridge-cv</c>, whose ridge the fit builder chooses by cross-validation.
/// </param>
/// <param name="TakesRegularisation">Whether the mapping form may set <c>regularisation</c>.</param>
/// <param name="TakesPrior">Whether a <c>prior:</c> block applies to this solver.</param>
internal sealed record SolverChoice(string Name, string Description, Func<double, ILeastSquaresSolver>? Create, bool TakesRegularisation, bool TakesPrior)
{
    /// <summary>Whether the solver works on streamed normal equations (which cross-validation needs).</summary>
    public bool AcceptsNormalEquations => Create is null || Create(0).AcceptsNormalEquations;
}
