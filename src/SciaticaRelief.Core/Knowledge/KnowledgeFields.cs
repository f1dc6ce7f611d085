using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using YamlDotNet.RepresentationModel;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>
/// The front-matter fields the knowledge base shares between modality and topic files: evidence
/// with its sources, contraindication rules, the review flag and related ids. Each reader adds its
/// errors with the line and returns null (or what it could read) when a field is wrong.
/// </summary>
internal static partial class KnowledgeFields
{
    /// <summary>
    /// Links in the Markdown body go to https addresses or to pages of this site: a clinic may
    /// replace the content, and a javascript: or data: link would run in the Person's session.
    /// </summary>
    public static void BodyLinks(FrontMatterReader r)
    {
        var lines = r.Body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (System.Text.RegularExpressions.Match m in LinkTarget().Matches(lines[i]))
            {
                var target = m.Groups["target"].Value;
                if (!(target.StartsWith("https://", StringComparison.Ordinal) || (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal)) || target.StartsWith('#')))
                {
                    r.Error(r.BodyLine + i, $"the link \"{target}\" must be an https address or a page of this site (starting with /).");
                }
            }
        }
    }

    // A Markdown link or image target "](target" and an autolink "<scheme:...>".
    [System.Text.RegularExpressions.GeneratedRegex(@"\]\(\s*<?(?<target>[^)\s>]*)|<(?<target>[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")]
    private static partial System.Text.RegularExpressions.Regex LinkTarget();

    public const string Marks = "V (read in the source), P (secondary source) or U (not verified)";

    public static readonly string Grades = string.Join(", ", Enum.GetValues<EvidenceGrade>().Select(WireName));

    public static string WireName(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.Insufficient => "insufficient",
        EvidenceGrade.VeryLow => "very-low",
        EvidenceGrade.Conflicting => "conflicting",
        EvidenceGrade.Low => "low",
        EvidenceGrade.LowToModerate => "low-to-moderate",
        EvidenceGrade.Moderate => "moderate",
    };

    public static string WireName(RuleAction action) => action switch
    {
        RuleAction.Caution => "caution",
        RuleAction.Avoid => "avoid",
    };

    public static string WireName(CostTier cost) => cost switch
    {
        CostTier.Free => "free",
        CostTier.Low => "low",
        CostTier.Moderate => "moderate",
        CostTier.High => "high",
    };

    public static bool TryParse<T>(string? text, Func<T, string> wireName, out T value)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(text, wireName(v), StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"sources": a non-empty list of {text, doi?, url?, mark}.</summary>
    public static IReadOnlyList<Citation>? Sources(FrontMatterReader r, YamlMappingNode map, int lineIfMissing)
    {
        if (!FrontMatterReader.Has(map, "sources"))
        {
            r.Error(lineIfMissing, "\"sources\" is missing; cite at least one source with its text and mark (V, P or U).");
            return null;
        }
        var items = r.List(map, "sources", out var line);
        if (items.Count == 0)
        {
            r.Error(line, "\"sources\" is empty; cite at least one source with its text and mark (V, P or U).");
            return null;
        }
        var result = new List<Citation>();
        var ok = true;
        foreach (var item in items)
        {
            var at = FrontMatterReader.LineOf(item);
            if (item is not YamlMappingNode source)
            {
                r.Error(at, "every source must be a mapping with text, mark and optionally doi and url.");
                ok = false;
                continue;
            }
            var text = r.Text(source, "text", at, "give the reference (authors, journal, year)");
            var mark = r.Text(source, "mark", at, "use " + Marks);
            if (mark is not null and not ("V" or "P" or "U"))
            {
                r.Error(FrontMatterReader.Get(source, "mark")!.Value.Line, $"unknown mark \"{mark}\"; use {Marks}.");
                mark = null;
            }
            var doi = r.Text(source, "doi", at, null);
            var url = r.Text(source, "url", at, null);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                r.Error(FrontMatterReader.Get(source, "url")!.Value.Line, $"the url \"{url}\" is not an https address.");
                url = null;
                ok = false;
            }
            if (text is null || mark is null)
            {
                ok = false;
                continue;
            }
            result.Add(new Citation(text, doi, url, mark));
        }
        return ok ? result : null;
    }

    /// <summary>"evidence": {grade, summary, sources}.</summary>
    public static Evidence? Evidence(FrontMatterReader r, YamlMappingNode root)
    {
        var evidence = r.Mapping(root, "evidence", FrontMatterReader.LineOf(root),
            "give the grade (" + Grades + "), a one-sentence summary of what was compared, and the sources");
        if (evidence is null)
        {
            return null;
        }
        var line = FrontMatterReader.Get(root, "evidence")!.Value.Line;
        var gradeText = r.Text(evidence, "grade", line, "use one of " + Grades);
        EvidenceGrade grade = default;
        var gradeOk = gradeText is not null && TryParse(gradeText, WireName, out grade);
        if (gradeText is not null && !gradeOk)
        {
            r.Error(FrontMatterReader.Get(evidence, "grade")!.Value.Line, $"unknown grade \"{gradeText}\"; use one of {Grades}.");
        }
        var summary = r.Text(evidence, "summary", line, "say in one sentence what the evidence compared and found");
        var sources = Sources(r, evidence, line);
        return gradeOk && summary is not null && sources is not null ? new Evidence(grade, summary, sources) : null;
    }

    /// <summary>"contraindications": a list of {condition, action, where?, reason, source}; absent means none.</summary>
    public static IReadOnlyList<ContraindicationRule>? Contraindications(FrontMatterReader r, YamlMappingNode root)
    {
        var result = new List<ContraindicationRule>();
        var ok = true;
        var conditions = string.Join(", ", HealthConditions.All.Select(c => c.Id));
        foreach (var item in r.List(root, "contraindications", out _))
        {
            var at = FrontMatterReader.LineOf(item);
            if (item is not YamlMappingNode rule)
            {
                r.Error(at, "every contraindication must be a mapping with condition, action, reason and source.");
                ok = false;
                continue;
            }
            var conditionText = r.Text(rule, "condition", at, "use one of " + conditions);
            var condition = HealthCondition.None;
            if (conditionText is not null && !HealthConditions.TryParse(conditionText, out condition))
            {
                r.Error(FrontMatterReader.Get(rule, "condition")!.Value.Line, $"unknown condition \"{conditionText}\"; use one of {conditions}.");
                conditionText = null;
            }
            var actionText = r.Text(rule, "action", at, "use avoid or caution");
            RuleAction action = default;
            if (actionText is not null && !TryParse(actionText, WireName, out action))
            {
                r.Error(FrontMatterReader.Get(rule, "action")!.Value.Line, $"unknown action \"{actionText}\"; use avoid or caution.");
                actionText = null;
            }
            var reason = r.Text(rule, "reason", at, "say why, in words a Person understands");
            var source = r.Text(rule, "source", at, "name where the rule comes from (CLINICAL.md section 4 cites them)");
            var where = r.Text(rule, "where", at, null);
            var areas = Areas(r, rule, where);
            if (conditionText is null || actionText is null || reason is null || source is null || areas is null)
            {
                ok = false;
                continue;
            }
            result.Add(new ContraindicationRule(condition, action, reason, source, where) { Areas = areas.Count == 0 ? null : areas });
        }
        return ok ? result : null;
    }

    /// <summary>
    /// A rule's "areas": the body-map regions its "where" covers (optional; empty when absent). It
    /// needs the words of "where" beside it; null (with an error) when a region is unknown.
    /// </summary>
    private static List<BodyRegion>? Areas(FrontMatterReader r, YamlMappingNode rule, string? where)
    {
        var result = new List<BodyRegion>();
        var known = string.Join(", ", BodyMap.Regions.Select(BodyMap.WireName));
        var items = r.Texts(rule, "areas", out var line);
        foreach (var (text, at) in items)
        {
            if (!BodyMap.TryParse(text, out var region))
            {
                r.Error(at, $"unknown body-map region \"{text}\" in \"areas\"; use {known}.");
                return null;
            }
            result.Add(region);
        }
        if (result.Count > 0 && where is null)
        {
            r.Error(line, "\"areas\" needs \"where\" beside it: the words a Person reads for that place (\"the leg\").");
            return null;
        }
        return result;
    }

    /// <summary>"review": absent (false) or "needed" (true).</summary>
    public static bool Review(FrontMatterReader r, YamlMappingNode root)
    {
        var review = r.Text(root, "review", FrontMatterReader.LineOf(root), null);
        if (review is null)
        {
            return false;
        }
        if (review == "needed")
        {
            return true;
        }
        r.Error(FrontMatterReader.Get(root, "review")!.Value.Line, $"unknown review \"{review}\"; write \"review: needed\" or leave the key out once a clinician has signed the file off.");
        return false;
    }
}
