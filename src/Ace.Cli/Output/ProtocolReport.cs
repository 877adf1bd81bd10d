using System.Globalization;
using System.Text;
using Ace.Cli.Commands;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Spectre.Console;

namespace Ace.Cli.Output;

/// <summary>The console table and CSV of the convergence protocol's steps.</summary>
internal static class ProtocolReport
{
    /// <summary>The CSV header of <see cref="Csv"/>.</summary>
    public const string CsvHeader =
        "set,basis,step,body_order,degrees,functions,e_train,f_train,e_val,f_val,score,dimer_rms_meV,accepted,frozen,final";

    /// <summary>One row per step: body order, degrees, size, errors (meV/atom, meV/A), dimer RMS (meV) and the decision.</summary>
    public static Table Table(ProtocolRun run, StudySetup setup)
    {
        var t = new Table
        {
            Title = new TableTitle($"{run.Dataset} {run.Variant}: protocol steps; errors meV/atom, meV/A; dimer-curve RMS over {DimerRange} A (meV)"),
        };
        t.AddColumns("step", "BO", "degrees", "funcs", "E train", "F train", "E val", "F val", "dimer RMS", "accepted");
        foreach (var s in run.Result.Steps)
        {
            t.AddRow((s.Index + 1).ToString(CultureInfo.InvariantCulture), (s.CorrelationOrder + 1).ToString(CultureInfo.InvariantCulture),
                DegreeLists.Format(s.Degrees), s.FunctionCount.ToString(CultureInfo.InvariantCulture),
                Tables.F(s.Train.EnergyRmse), Tables.F(s.Train.ForceRmse), Tables.F(s.Validation.EnergyRmse), Tables.F(s.Validation.ForceRmse),
                Tables.F(1000 * setup.DimerRms(s.Dimer), "F1"), Decision(run, s));
        }
        return t;
    }

    /// <summary>Every step of every run, one line each, numbers in round-trip invariant format; degrees joined with '.'.</summary>
    public static string Csv(IEnumerable<ProtocolRun> runs, StudySetup setup)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var run in runs)
        {
            foreach (var s in run.Result.Steps)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"{run.Dataset},{run.Variant},{s.Index + 1},{s.CorrelationOrder + 1},{DegreeLists.Format(s.Degrees)},{s.FunctionCount},")
                    .Append(CultureInfo.InvariantCulture,
                    $"{s.Train.EnergyRmse:R},{s.Train.ForceRmse:R},{s.Validation.EnergyRmse:R},{s.Validation.ForceRmse:R},{s.Score:R},{1000 * setup.DimerRms(s.Dimer):R},")
                    .Append(CultureInfo.InvariantCulture, $"{Bit(s.Accepted)},{Bit(run.IsFrozen(s))},{Bit(ReferenceEquals(s, run.Result.Final))}\n");
            }
        }
        return sb.ToString();
    }

    private static string Decision(ProtocolRun run, ConvergenceStep s) =>
        ReferenceEquals(s, run.Result.Final) ? "yes (final)" : run.IsFrozen(s) ? "yes (frozen)" : s.Accepted ? "yes" : "no";

    private static int Bit(bool b) => b ? 1 : 0;

    private static string DimerRange =>
        string.Create(CultureInfo.InvariantCulture, $"{StudySetup.DimerWindow.From}-{StudySetup.DimerWindow.To}");
}
