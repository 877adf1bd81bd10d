using System.Globalization;

namespace Ace.Cli.Config;

/// <summary>pacemaker's kappa as a config or the command line writes it: a number from 0 to 1, or <c>auto</c>.</summary>
internal static class KappaText
{
    /// <summary>Reads <paramref name="text"/>; when valid, <paramref name="loss"/> holds the kappa (null for <c>auto</c>).</summary>
    public static bool TryParse(string text, out LossConfig loss)
    {
        if (text == "auto")
        {
            loss = new LossConfig(null);
            return true;
        }
        bool valid = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double kappa) && kappa >= 0 && kappa <= 1;
        loss = new LossConfig(valid ? kappa : null);
        return valid;
    }
}
