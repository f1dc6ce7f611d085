namespace SciaticaRelief.Core.Modalities;

/// <summary>
/// A content file split into its YAML front matter and its Markdown body. The file starts with a
/// line "---", then the YAML, then a line "---", then the body.
/// </summary>
public sealed record FrontMatter(string Yaml, string Body, int BodyLine)
{
    /// <summary>Splits <paramref name="text"/>; null with a reason when it has no front matter.</summary>
    public static FrontMatter? Split(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            error = "the file must start with a line \"---\" and YAML front matter";
            return null;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]).Trim();
                return new FrontMatter(yaml, body, i + 2);
            }
        }
        error = "the front matter has no closing line \"---\"";
        return null;
    }
}
