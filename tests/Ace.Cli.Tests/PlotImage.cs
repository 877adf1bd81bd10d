namespace Ace.Cli.Tests;

/// <summary>Checks that a PNG plot has content: its size, and enough non-background pixels of enough colours.</summary>
internal static class PlotImage
{
    public static void AssertNonTrivial(string path)
    {
        Assert.That(File.Exists(path), path);
        var image = new ScottPlot.Image(path);
        Assert.That(image.Width, Is.GreaterThanOrEqualTo(640), path);
        Assert.That(image.Height, Is.GreaterThanOrEqualTo(480), path);
        var rgb = image.GetArrayRGB();
        int rows = rgb.GetLength(0), columns = rgb.GetLength(1);
        var colours = new HashSet<int>();
        long inked = 0;
        double sum = 0, sumSquares = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < columns; x++)
            {
                int r = rgb[y, x, 0], g = rgb[y, x, 1], b = rgb[y, x, 2];
                colours.Add((r << 16) | (g << 8) | b);
                double luminance = 0.299 * r + 0.587 * g + 0.114 * b;
                sum += luminance;
                sumSquares += luminance * luminance;
                if (luminance < 200)
                {
                    inked++;
                }
            }
        }
        double n = (double)rows * columns, mean = sum / n;
        Assert.That(Math.Sqrt(sumSquares / n - mean * mean), Is.GreaterThan(10), $"{path}: brightness varies (not blank)");
        Assert.That(colours.Count, Is.GreaterThan(16), $"{path}: more than a few colours (axes, text and data)");
        Assert.That(inked / n, Is.GreaterThan(0.01), $"{path}: at least 1% of the pixels are drawn");
    }
}
