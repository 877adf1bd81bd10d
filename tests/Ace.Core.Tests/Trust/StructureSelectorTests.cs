using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Trust;

namespace Ace.Core.Tests.Trust;

public class StructureSelectorTests
{
    private static readonly LinearAcePotential Potential = new LinearAcePotential(TrustData.Silicon, Fixtures.RandomCoefficients(TrustData.Silicon, 2))
        .WithActiveSet(LinearAce.ActiveSet(TrustData.Silicon).Build(TrustData.RattledBulk(10, seed: 1)));

    /// <summary>Six distinct far-out structures, each three times (exact copy and a rigidly translated copy).</summary>
    private static (List<Structure> Pool, int[] Original) DuplicatedPool()
    {
        var random = new Random(21);
        var distinct = new List<Structure>
        {
            TrustData.Bulk(4.8), TrustData.Bulk(6.2), TrustData.Dimer(1.6),
            Fixtures.Cluster(random, 4, "Si"), Fixtures.Cluster(random, 5, "Si"), TrustData.Rattled(random, 5.0, 0.4, ["Si"]),
        };
        var pool = new List<Structure>();
        var original = new List<int>();
        for (int copy = 0; copy < 3; copy++)
        {
            for (int k = 0; k < distinct.Count; k++)
            {
                var s = distinct[k];
                pool.Add(copy == 2 ? s.WithPositions(s.Positions.Select(p => p + new Ace.Core.Primitives.Vec3(0.3, -0.2, 0.1))) : s);
                original.Add(k);
            }
        }
        return (pool, original.ToArray());
    }

    [Test]
    public void A_pool_with_duplicates_never_yields_two_copies_of_one_structure()
    {
        var (pool, original) = DuplicatedPool();
        var selected = LinearAce.Select(Potential).Count(18).Run(pool);
        Assert.That(selected, Is.Not.Empty);
        var originals = selected.Select(s => original[s.Index]).ToList();
        Assert.That(originals, Is.Unique, $"selected {string.Join(", ", selected.Select(s => s.Index))}");
        Assert.That(selected.Count, Is.LessThanOrEqualTo(6));
    }

    [Test]
    public void The_first_choice_is_the_candidate_of_highest_grade()
    {
        var (pool, _) = DuplicatedPool();
        var selected = LinearAce.Select(Potential).Count(3).Run(pool);
        double highest = pool.Max(s => Potential.MaxGrade(s));
        Assert.That(selected[0].Grade, Is.EqualTo(highest).Within(1e-9 * highest));
        Assert.That(selected[0].GradeWhenSelected, Is.EqualTo(selected[0].Grade).Within(1e-9 * highest));
        Assert.That(selected.Select(s => s.GradeWhenSelected), Is.Ordered.Descending);
        Assert.That(selected.All(s => s.GradeWhenSelected > 1));
    }

    [Test]
    public void Candidates_inside_the_training_domain_are_not_selected()
    {
        var training = TrustData.RattledBulk(10, seed: 1);
        Assert.That(LinearAce.Select(Potential).Count(5).Run(training), Is.Empty);
    }

    [Test]
    public void Selection_needs_an_active_set()
    {
        var plain = new LinearAcePotential(TrustData.Silicon, new double[TrustData.Silicon.FunctionCount]);
        var ex = Assert.Throws<InvalidOperationException>(() => LinearAce.Select(plain));
        Assert.That(ex!.Message, Does.Contain("active set"));
    }
}
