namespace Ace.Core.Atoms.Tests;

public class AtomicFileTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ace-atomic-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Writes_and_replaces_the_whole_file_and_leaves_no_temporary()
    {
        var path = Path.Combine(_folder, "table.csv");
        AtomicFile.WriteAllText(path, "first\n");
        AtomicFile.WriteAllText(path, "second, longer\n");
        Assert.That(File.ReadAllText(path), Is.EqualTo("second, longer\n"));
        Assert.That(File.ReadAllBytes(path)[0], Is.EqualTo((byte)'s'), "no byte-order mark");
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_failing_writer_leaves_the_old_file_untouched_and_no_temporary()
    {
        var path = Path.Combine(_folder, "data.xyz");
        AtomicFile.WriteAllText(path, "old content\n");
        Assert.That(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new InvalidOperationException("disk full");
        }), Throws.InvalidOperationException.With.Message.EqualTo("disk full"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("old content\n"));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1));
        var fresh = Path.Combine(_folder, "never.json");
        Assert.That(() => AtomicFile.Write(fresh, _ => throw new IOException("broken")), Throws.InstanceOf<IOException>());
        Assert.That(File.Exists(fresh), Is.False);
    }

    [Test]
    public void Bad_arguments_throw()
    {
        Assert.That(() => AtomicFile.WriteAllText(" ", "x"), Throws.ArgumentException);
        Assert.That(() => AtomicFile.Write(Path.Combine(_folder, "a"), null!), Throws.ArgumentNullException);
        Assert.That(() => AtomicFile.WriteAllText(Path.Combine(_folder, "missing", "a.csv"), "x"), Throws.InstanceOf<DirectoryNotFoundException>());
    }

    [Test]
    public void A_symbolic_link_is_written_through_and_stays_a_link()
    {
        var target = Path.Combine(_folder, "real.txt");
        var link = Path.Combine(_folder, "link.txt");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteAllText(link, "new");
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(AtomicFile.ResolveTarget(link), Is.EqualTo(target));
    }

    [Test]
    public void A_folder_or_a_missing_folder_is_an_error_naming_the_path_and_nothing_is_written()
    {
        var folder = Path.Combine(_folder, "out");
        Directory.CreateDirectory(folder);
        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(folder, "x"))!;
        Assert.That(e.Message, Does.Contain(folder).And.Contain("is a folder"));
        var missing = Path.Combine(_folder, "no", "file.txt");
        Assert.That(() => AtomicFile.WriteAllText(missing, "x"),
            Throws.InstanceOf<DirectoryNotFoundException>().With.Message.Contains("does not exist"));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }
}
