using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Errors;

public class ErrorTableTests
{
    /// <summary>A potential with zero coefficients predicts E = sum E0 and zero forces, so the errors are known exactly.</summary>
    private static readonly LinearAcePotential Zero = new(Fixtures.Silicon, new double[Fixtures.Silicon.FunctionCount],
        new Dictionary<string, double> { ["Si"] = -100 });

    private static Structure Dimer(double energy, double force, string? configType) =>
        new(Enumerable.Repeat(Element.FromSymbol("Si"), 2), [Vec3.Zero, new Vec3(2.3, 0, 0)], Cell.Zero, Pbc.None)
        {
            Energy = energy,
            Forces = [new Vec3(force, 0, 0), new Vec3(-force, 0, 0)],
            ConfigType = configType,
        };

    [Test]
    public void Errors_per_config_type_and_overall_match_hand_computed_values()
    {
        var a = Dimer(-201, 0.003, "a");    // E error per atom +0.5 eV = 500 meV/atom; force components: 3, 0, 0, 3, 0, 0 meV/A
        var b = Dimer(-199.8, -0.006, "b"); // E error -0.1 eV = -100 meV/atom; force components 6, 0, 0, 6, 0, 0
        var c = Dimer(-200, 0, null);
        var table = ErrorTable.Compute(Zero, [a, b, c]);
        Assert.That(table.Groups.Select(g => g.Group), Is.EqualTo(new[] { "a", "b", ErrorTable.NoConfigType }));
        Assert.That(table.Groups[0].EnergyRmse, Is.EqualTo(500).Within(1e-9));
        Assert.That(table.Groups[1].EnergyMae, Is.EqualTo(100).Within(1e-9));
        Assert.That(table.Groups[0].ForceRmse, Is.EqualTo(Math.Sqrt(2 * 9.0 / 6)).Within(1e-9));
        Assert.That(table.Groups[1].ForceMae, Is.EqualTo(12.0 / 6).Within(1e-9));
        Assert.That(table.Overall.Structures, Is.EqualTo(3));
        Assert.That(table.Overall.Atoms, Is.EqualTo(6));
        Assert.That(table.Overall.EnergyRmse, Is.EqualTo(Math.Sqrt((500.0 * 500 + 100 * 100) / 3)).Within(1e-9));
        Assert.That(table.Overall.EnergyMae, Is.EqualTo(200).Within(1e-9));
        Assert.That(table.Overall.ForceRmse, Is.EqualTo(Math.Sqrt((18.0 + 72) / 18)).Within(1e-9));
    }

    [Test]
    public void Groups_without_forces_report_no_force_error()
    {
        var noForces = Dimer(-201, 0, "e").WithReferenceData(-201, null, null);
        var table = ErrorTable.Compute(Zero, [noForces]);
        Assert.That(double.IsNaN(table.Overall.ForceRmse), Is.True);
        Assert.That(table.ToString(), Does.Contain(" -"));
        Assert.That(table.ToCsv().Split('\n')[1], Does.EndWith(",,"));
    }

    [Test]
    public void The_table_prints_aligned_and_exports_csv_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            var table = ErrorTable.Compute(Zero, [Dimer(-201, 0.003, "a,b"), Dimer(-199.8, -0.006, "b")]);
            var text = table.ToString();
            var lines = text.TrimEnd('\n').Split('\n');
            Assert.That(lines[1], Does.StartWith("group").And.Contain("E RMSE"));
            Assert.That(lines.Skip(1).Where(l => !l.StartsWith('-')).Select(l => l.Length).Distinct().Count(), Is.EqualTo(1), "aligned columns");
            Assert.That(text, Does.Contain("500.0"));
            var csv = table.ToCsv().Split('\n');
            Assert.That(csv[0], Is.EqualTo("group,structures,atoms,energy_rmse_meV_per_atom,energy_mae_meV_per_atom,force_rmse_meV_per_A,force_mae_meV_per_A"));
            Assert.That(csv[1], Does.StartWith("\"a,b\",1,2,500"));
            Assert.That(csv[3], Does.StartWith("overall,2,4,"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
