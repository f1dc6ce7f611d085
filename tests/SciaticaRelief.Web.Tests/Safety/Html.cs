using System.Net;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Web.Tests.Safety;

/// <summary>
/// Reads the elements of a server-rendered page that carry a data attribute, with their attributes
/// and their text: enough to read what a page says about each item (data-offered, data-refused,
/// data-precaution-of, data-rule) without a browser.
/// </summary>
public static partial class Html
{
    public sealed record Element(string Tag, IReadOnlyDictionary<string, string> Attributes, string Inner)
    {
        public string this[string attribute] => Attributes.TryGetValue(attribute, out var v) ? v : "";

        /// <summary>The element's text, tags removed, entities decoded, white space collapsed.</summary>
        public string Text => Space().Replace(WebUtility.HtmlDecode(Tags().Replace(Inner, " ")), " ").Trim();
    }

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "input", "br", "img", "meta", "link", "hr", "source", "area", "col", "wbr" };

    /// <summary>Every element that has <paramref name="attribute"/>, in document order.</summary>
    public static IReadOnlyList<Element> With(string html, string attribute)
    {
        ArgumentNullException.ThrowIfNull(html);
        var found = new List<Element>();
        foreach (Match start in StartTag().Matches(html))
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match a in Attribute().Matches(start.Groups["attrs"].Value))
            {
                attributes[a.Groups["name"].Value] = WebUtility.HtmlDecode(a.Groups["value"].Success ? a.Groups["value"].Value : "");
            }
            if (!attributes.ContainsKey(attribute))
            {
                continue;
            }
            var tag = start.Groups["tag"].Value;
            var innerStart = start.Index + start.Length;
            found.Add(new Element(tag, attributes, Void.Contains(tag) || start.Value.EndsWith("/>", StringComparison.Ordinal) ? "" : html[innerStart..CloseOf(html, tag, innerStart)]));
        }
        return found;
    }

    /// <summary>Where the element opened before <paramref name="from"/> closes (same-named elements may nest).</summary>
    private static int CloseOf(string html, string tag, int from)
    {
        var depth = 1;
        var pattern = new Regex($"<(/?){Regex.Escape(tag)}(?=[\\s>/])", RegexOptions.IgnoreCase);
        for (var m = pattern.Match(html, from); m.Success; m = m.NextMatch())
        {
            depth += m.Groups[1].Value.Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return m.Index;
            }
        }
        throw new InvalidOperationException($"<{tag}> at {from} is never closed.");
    }

    [GeneratedRegex(@"<(?<tag>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>\s[^>]*)?>")]
    private static partial Regex StartTag();

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*""(?<value>[^""]*)"")?")]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
