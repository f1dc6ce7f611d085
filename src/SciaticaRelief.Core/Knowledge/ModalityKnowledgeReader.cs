using SciaticaRelief.Core.Treatments;
using YamlDotNet.RepresentationModel;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>
/// Reads a modality file's knowledge keys: technique, intensity, session_minutes, targets, cost,
/// evidence, contraindications, review and related. The related ids are returned with their lines
/// so the caller can check them once every file is read.
/// </summary>
internal static class ModalityKnowledgeReader
{
    /// <summary>The longest session a file may state, as long as the longest Treatment (TreatmentValidator).</summary>
    public const int MaxSessionMinutes = 600;

    private static readonly string[] Keys = ["technique", "intensity", "session_minutes", "targets", "cost", "evidence", "contraindications", "review", "related"];

    private static readonly string Costs = string.Join(", ", Enum.GetValues<CostTier>().Select(KnowledgeFields.WireName));

    /// <summary>Pressure applies to every kind but medicine, rest and "other".</summary>
    private static bool NeedsIntensity(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Medicine or TreatmentKind.Rest or TreatmentKind.Other => false,
        TreatmentKind.Massage or TreatmentKind.Acupressure or TreatmentKind.Acupuncture or TreatmentKind.EarSeeds
            or TreatmentKind.Machine or TreatmentKind.HeatOrCold => true,
    };

    /// <summary>
    /// The knowledge of the file, or null: when the kind is "other" and the file has none of the
    /// keys (no error), or when a key is wrong (errors added).
    /// </summary>
    public static ModalityKnowledge? Read(FrontMatterReader r, TreatmentKind kind, List<(string Id, int Line)> related)
    {
        var root = r.Root;
        if (kind == TreatmentKind.Other && !Keys.Any(k => FrontMatterReader.Has(root, k)))
        {
            return null;
        }
        var top = FrontMatterReader.LineOf(root);
        var before = r.ErrorCount;
        var technique = r.Text(root, "technique", top, "say in a sentence how it is done");

        var intensity = r.Number(root, "intensity", out var intensityLine);
        var intensityOk = true;
        if (intensity is null && !FrontMatterReader.Has(root, "intensity") && NeedsIntensity(kind))
        {
            r.Error(top, "\"intensity\" is missing; give the pressure or vigour from 1 (gentle) to 5 (firm).");
            intensityOk = false;
        }
        else if (intensity is < 1 or > 5)
        {
            r.Error(intensityLine, $"intensity {intensity} is out of range; use 1 (gentle) to 5 (firm).");
            intensityOk = false;
        }

        var minutes = SessionMinutes(r, root, top);

        var targets = r.Texts(root, "targets", out var targetsLine);
        if (targets.Count == 0)
        {
            r.Error(FrontMatterReader.Has(root, "targets") ? targetsLine : top, "\"targets\" is missing or empty; list what it aims at (muscle tension, stress ...).");
        }

        var costText = r.Text(root, "cost", top, "use one of " + Costs);
        CostTier cost = default;
        var costOk = costText is not null && KnowledgeFields.TryParse(costText, KnowledgeFields.WireName, out cost);
        if (costText is not null && !costOk)
        {
            r.Error(FrontMatterReader.Get(root, "cost")!.Value.Line, $"unknown cost \"{costText}\"; use one of {Costs}.");
        }

        var evidence = KnowledgeFields.Evidence(r, root);
        var rules = KnowledgeFields.Contraindications(r, root);
        var review = KnowledgeFields.Review(r, root);
        related.AddRange(r.Texts(root, "related", out _));

        if (r.ErrorCount > before || technique is null || !intensityOk || minutes is null || targets.Count == 0 || !costOk || evidence is null || rules is null)
        {
            return null;
        }
        return new ModalityKnowledge(technique, intensity, minutes.Value, targets.Select(t => t.Text).ToList(), cost, evidence, rules, review,
            related.Select(x => x.Id).ToList());
    }

    private static MinuteRange? SessionMinutes(FrontMatterReader r, YamlMappingNode root, int top)
    {
        var map = r.Mapping(root, "session_minutes", top, "give the typical length of one session as {min: 10, max: 20}");
        if (map is null)
        {
            return null;
        }
        var line = FrontMatterReader.Get(root, "session_minutes")!.Value.Line;
        var min = r.Number(map, "min", out var minLine);
        var max = r.Number(map, "max", out var maxLine);
        if (min is null || max is null)
        {
            if (!FrontMatterReader.Has(map, "min") || !FrontMatterReader.Has(map, "max"))
            {
                r.Error(line, "\"session_minutes\" needs both min and max.");
            }
            return null;
        }
        if (min < 0 || max > MaxSessionMinutes)
        {
            r.Error(min < 0 ? minLine : maxLine, $"session minutes must be between 0 and {MaxSessionMinutes}.");
            return null;
        }
        if (min > max)
        {
            r.Error(minLine, $"session minutes: min {min} is more than max {max}.");
            return null;
        }
        return new MinuteRange(min.Value, max.Value);
    }
}
