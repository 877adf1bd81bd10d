namespace Ace.Cli.Tests;

/// <summary>Typed settings: values that do not convert or fail validation are command-line errors (exit code 2) that say what is wrong.</summary>
public class CommandLineValidationTests
{
    [TestCase(new[] { "dimer", "p.json", "--from", "5", "--to", "2" }, "need finite distances with --from < --to, got --from 5 --to 2")]
    [TestCase(new[] { "dimer", "p.json", "--from", "NaN" }, "need finite distances with --from < --to")]
    [TestCase(new[] { "dimer", "p.json", "--points", "1" }, "--points needs at least 2 distances, got 1")]
    [TestCase(new[] { "dimer", "p.json", "--points", "many" }, "Failed to convert 'many' to Int32")]
    [TestCase(new[] { "dimer", "p.json", "-x" }, "unknown option -x for 'dimer'")]
    [TestCase(new[] { "eval", "a.json", "b.xyz", "c.xyz" }, "Could not match 'c.xyz' with an argument")]
    [TestCase(new[] { "eval", "a.json", "b.xyz", "--", "c" }, "'eval' takes no arguments after '--', got 'c'")]
    [TestCase(new[] { "fit" }, "missing required argument 'config'")]
    [TestCase(new[] { "init", "a.yaml", "b.yaml" }, "Could not match 'b.yaml' with an argument")]
    [TestCase(new[] { "study", "--degrees", "6,0" }, "--degrees needs positive integers like 12,10,8,6; got '6,0'")]
    [TestCase(new[] { "study", "--quick", "--out" }, "Option 'out' is defined but no value has been provided")]
    [TestCase(new[] { "study", "--quick", "--smoothness-prior", "--ace1-prior" }, "give --smoothness-prior (from the labels) or --ace1-prior (ACE1's scaling), not both")]
    public void BadCommandLinesExitWithTwoSayingWhat(string[] args, string message)
    {
        var (code, output) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(message).And.Contain("usage: ace"));
    }
}
