using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Solvers.Backends;
using Ace.Core.Trust;

namespace Ace.Core.Tests.Trust;

public class ActiveSetTests
{
    private static readonly AceBasis Basis = TrustData.Silicon;
    private static readonly List<Structure> Training = TrustData.RattledBulk(16, seed: 1);
    private static readonly ActiveSet BulkSet = LinearAce.ActiveSet(Basis).BatchSize(5).Build(Training);

    private static double MaxTrainingGrade(ActiveSet set, IEnumerable<Structure> training) => training.Max(s => set.Grade(s).Max);

    [Test]
    public void Every_training_environment_has_grade_at_most_one()
    {
        var set = BulkSet["Si"];
        Assert.That(set.Rank, Is.GreaterThan(20).And.LessThanOrEqualTo(set.FeatureCount));
        Assert.That(set.Environments, Has.Count.EqualTo(set.Rank));
        Assert.That(MaxTrainingGrade(BulkSet, Training), Is.LessThanOrEqualTo(1 + 1e-9));
        Assert.That(set.MaxTrainingGrade, Is.LessThanOrEqualTo(1 + 1e-9));
        Assert.That(set.EnvironmentCount, Is.EqualTo(16 * 8));
    }

    [Test]
    public void Active_environments_have_grade_one_exactly_at_their_own_slot()
    {
        var set = BulkSet["Si"];
        var reference = set.Environments[0];
        var grades = BulkSet.Grade(Training[reference.Structure]);
        Assert.That(grades.PerAtom[reference.Atom], Is.EqualTo(1).Within(1e-9));
    }

    [TestCase(4.6, TestName = "Compressed bulk (a = 4.6 A) is extrapolation")]
    [TestCase(6.4, TestName = "Expanded bulk (a = 6.4 A) is extrapolation")]
    public void Far_out_bulk_is_flagged(double a)
    {
        Assert.That(BulkSet.Grade(TrustData.Bulk(a)).Max, Is.GreaterThan(1.5));
    }

    [Test]
    public void A_dimer_at_one_angstrom_is_flagged()
    {
        Assert.That(BulkSet.Grade(TrustData.Dimer(1.0)).Max, Is.GreaterThan(10));
    }

    [Test]
    public void A_cluster_fed_to_a_bulk_active_set_is_flagged()
    {
        var cluster = Fixtures.Cluster(new Random(3), 5, "Si");
        Assert.That(BulkSet.Grade(cluster).Max, Is.GreaterThan(1.5));
    }

    [Test]
    public void The_grade_grows_with_the_distance_from_the_training_lattice()
    {
        double near = BulkSet.Grade(TrustData.Bulk(5.6)).Max, far = BulkSet.Grade(TrustData.Bulk(6.0)).Max, farther = BulkSet.Grade(TrustData.Bulk(6.4)).Max;
        Assert.That(near, Is.LessThan(far));
        Assert.That(far, Is.LessThan(farther));
    }

    [Test]
    public void With_full_rank_the_grade_matches_a_least_squares_solve_against_the_active_rows()
    {
        // gamma = max |x| with x A = b, where A holds the raw feature rows of the active environments.
        var basis = Fixtures.Silicon;
        var random = new Random(8);
        var training = Enumerable.Range(0, 12).Select(k => k % 2 == 0 ? Fixtures.Cluster(random, 5, "Si") : TrustData.Rattled(random, 5.43, 0.3, ["Si"])).ToList();
        var activeSet = LinearAce.ActiveSet(basis).Build(training);
        var set = activeSet["Si"];
        Assert.That(set.IsFullRank, Is.True);
        int p = set.FeatureCount;
        var active = new double[p * p]; // column-major A^T: column j = row j of A
        for (int j = 0; j < p; j++)
        {
            var env = set.Environments[j];
            Features(basis, set, training[env.Structure], env.Atom).CopyTo(active.AsSpan(j * p, p));
        }
        var probe = TrustData.Rattled(new Random(9), 5.0, 0.5, ["Si"]);
        var grades = activeSet.Grade(probe);
        for (int atom = 0; atom < probe.AtomCount; atom++)
        {
            var a = active.ToArray();
            var b = Features(basis, set, probe, atom);
            LinearAlgebra.Backend.QrLeastSquares(p, p, a, b, new double[p]);
            double expected = b.Max(Math.Abs);
            Assert.That(grades.PerAtom[atom], Is.EqualTo(expected).Within(1e-6 * expected), $"atom {atom}");
        }
        Assert.That(training.Max(s => activeSet.Grade(s).Max), Is.LessThanOrEqualTo(1 + 1e-9));
    }

    /// <summary>The features of one atom through the public basis API: the site values at the set's columns.</summary>
    private static double[] Features(AceBasis basis, ElementActiveSet set, Structure structure, int atom)
    {
        var list = NeighbourList.Build(structure, basis.MaxCutoff);
        var values = new double[basis.SiteFunctionCount(0)];
        basis.EvaluateSite(0, list.Displacements(atom), new int[list.NeighbourCount(atom)], values, basis.CreateWorkspace());
        int manyBody = basis.ColumnRange(0).Count;
        return set.Columns.Select(c => c < manyBody ? values[c] : values[manyBody + c - basis.PairColumnRange.Start]).ToArray();
    }

    [Test]
    public void The_result_does_not_depend_on_the_number_of_threads()
    {
        var one = LinearAce.ActiveSet(Basis).BatchSize(5).MaxDegreeOfParallelism(1).Build(Training);
        Assert.That(one["Si"].Projection.ToArray(), Is.EqualTo(BulkSet["Si"].Projection.ToArray()));
        Assert.That(one["Si"].Environments, Is.EqualTo(BulkSet["Si"].Environments));
    }

    [Test]
    public void Any_batch_size_gives_a_valid_active_set()
    {
        foreach (int batch in new[] { 1, 1000 })
        {
            var set = LinearAce.ActiveSet(Basis).BatchSize(batch).Build(Training);
            Assert.That(MaxTrainingGrade(set, Training), Is.LessThanOrEqualTo(1 + 1e-9), $"batch size {batch}");
            Assert.That(set.Grade(TrustData.Bulk(4.6)).Max, Is.GreaterThan(1.5), $"batch size {batch}");
        }
    }

    [Test]
    public void Fewer_environments_than_functions_give_a_rank_deficient_set_that_still_grades()
    {
        var few = TrustData.RattledBulk(2, seed: 5);
        var set = LinearAce.ActiveSet(Basis).Build(few);
        var si = set["Si"];
        Assert.That(si.FeatureCount, Is.EqualTo(82), "the basis has more functions than the 16 environments");
        Assert.That(si.Rank, Is.LessThanOrEqualTo(16));
        Assert.That(si.IsFullRank, Is.False);
        Assert.That(si.ComplementScale, Is.GreaterThan(0));
        Assert.That(MaxTrainingGrade(set, few), Is.LessThanOrEqualTo(1 + 1e-9));
        Assert.That(set.Grade(TrustData.RattledBulk(1, seed: 77)[0]).Max, Is.GreaterThan(1), "a new rattle leaves the span of 16 environments");
        Assert.That(set.Grade(TrustData.Dimer(1.0)).Max, Is.GreaterThan(10));
    }

    [Test]
    public void Two_elements_have_separate_active_sets()
    {
        var training = TrustData.RattledBulk(30, seed: 2, ["Si", "C"]);
        var set = LinearAce.ActiveSet(Fixtures.SiliconCarbon).BatchSize(8).Build(training);
        Assert.That(set.Elements.Select(e => e.Element), Is.EqualTo(new[] { "Si", "C" }));
        Assert.That(set["C"].Columns, Does.Not.Contain(set["Si"].Columns[0]), "each element grades its own centre's functions");
        Assert.That(MaxTrainingGrade(set, training), Is.LessThanOrEqualTo(1 + 1e-9));
        Assert.That(set.Grade(TrustData.Rattled(new Random(1), 4.6, 0.1, ["Si", "C"])).Max, Is.GreaterThan(1.5));
    }

    [Test]
    public void An_element_absent_from_training_grades_infinite()
    {
        var set = LinearAce.ActiveSet(Fixtures.SiliconCarbon).Build(TrustData.RattledBulk(10, seed: 3));
        Assert.That(set["C"].Rank, Is.Zero);
        var mixed = TrustData.Rattled(new Random(1), 5.43, 0.1, ["Si", "C"]);
        var grades = set.Grade(mixed);
        Assert.That(grades.PerAtom[1], Is.EqualTo(double.PositiveInfinity), "atom 1 is carbon");
    }

    [Test]
    public void A_structure_with_an_element_the_basis_lacks_is_named()
    {
        var bad = TrustData.Rattled(new Random(1), 5.43, 0.1, ["Si", "Ge"]);
        var ex = Assert.Throws<ArgumentException>(() => LinearAce.ActiveSet(Basis).Build([.. Training.Take(3), bad]));
        Assert.That(ex!.Message, Does.Contain("structure 3").And.Contain("Ge"));
    }

    [Test]
    public void An_empty_training_set_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LinearAce.ActiveSet(Basis).Build([]));
    }
}
