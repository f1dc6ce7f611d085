using System.Globalization;
using System.Text;
using System.Text.Json;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// CrisisCore PainTracker's JSON export, full or minimal (IMPORT-FORMATS.md). Ids are numbers near
/// 1.7e15 (read as text, so they stay exact) or strings. Amended entries are taken as they stand now
/// (<c>recordIntegrity.revisions</c> is history, not more entries). Recent treatments repeat across
/// entries and are imported once; the list of current medicines is a list, not doses taken, and is skipped.
/// </summary>
public sealed class CrisisCoreJsonReader(LabelMaximums labels) : IImportReader
{
    public string Format => ImportFormats.CrisisCoreJson;
    public string DisplayName => "CrisisCore PainTracker (JSON)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        return text.StartsWith('[') && text.Contains("\"timestamp\"", StringComparison.Ordinal)
            && (text.Contains("\"baselineData\"", StringComparison.Ordinal) || text.Contains("\"painLevel\"", StringComparison.Ordinal));
    }

    private static readonly (string Word, string Modality, TreatmentKind Kind)[] Treatments =
    [
        ("deep tissue", "deep-tissue-massage", TreatmentKind.Massage), ("swedish", "swedish-massage", TreatmentKind.Massage),
        ("hot stone", "hot-stone-massage", TreatmentKind.Massage), ("myofascial", "myofascial-release", TreatmentKind.Massage),
        ("neuromuscular", "neuromuscular-massage", TreatmentKind.Massage), ("acupuncture", "acupuncture", TreatmentKind.Acupuncture),
        ("acupressure", "acupressure-by-therapist", TreatmentKind.Acupressure), ("heat", "heat", TreatmentKind.HeatOrCold),
        ("ice", "cold", TreatmentKind.HeatOrCold), ("cold", "cold", TreatmentKind.HeatOrCold),
    ];

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        using var doc = JsonBits.Parse(stream, b, "CrisisCore PainTracker");
        if (doc is null)
        {
            return b.Set;
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            b.Error("file", null, "This is not a CrisisCore PainTracker JSON export: it should be a list of entries ([ ... ]).");
            return b.Set;
        }
        var n = 0;
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            ct.ThrowIfCancellationRequested();
            n++;
            if (b.Stop)
            {
                break;
            }
            Entry(b, entry, $"entry {n.ToString(CultureInfo.InvariantCulture)}");
        }
        return b.Finish();
    }

    private void Entry(ImportBuilder b, JsonElement e, string where)
    {
        var id = e.Str("id");
        var stamp = e.Str("timestamp");
        if (id is null)
        {
            b.Error(where, "id", "The entry has no id.");
        }
        if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            b.Error(where, "timestamp", $"\"{ImportBuilder.Short(stamp ?? "")}\" is not a timestamp (such as 2025-03-14T21:30:00.000Z).");
            return;
        }
        var baseline = e.Prop("baselineData");
        var painValue = baseline?.Prop("pain") ?? e.Prop("painLevel");
        var pain = painValue is { } p ? b.Pain(JsonBits.Text(p), where, baseline is null ? "painLevel" : "baselineData.pain") : b.Pain(null, where, "painLevel");
        var notes = b.Notes(e.Str("notes"), where, "notes");
        if (pain is null || id is null)
        {
            return;
        }
        var utc = at.UtcDateTime;
        var locations = baseline?.Strings("locations").ToList() ?? [];
        var symptoms = (baseline?.Strings("symptoms") ?? e.Strings("symptoms")).Concat(e.Strings("quality")).ToList();
        var (qualities, other) = PainWords.Qualities(symptoms);
        var (triggers, otherTriggers) = PainWords.TriggersOf(e.Strings("triggers"));
        var note = PainWords.WithExtra(PainWords.WithExtra(notes, "Symptoms", other), "Triggers", otherTriggers);
        var original = string.Join("; ", locations);
        b.AddCheckIn(b.Key("entry", id), where, utc, pain.Value, LocationMapper.Map(original), qualities, note, original, triggers);

        // Minimal policy: medicines taken with the entry.
        var index = 0;
        foreach (var med in e.Array("medications"))
        {
            index++;
            var name = med.Str("name");
            b.AddMedicine(b.Key("entry", id, "medicine", index.ToString(CultureInfo.InvariantCulture)), where, utc,
                MedicineText.Parse(name, med.Str("dosage"), labels), $"{name} ({med.Str("dosage")}, {med.Str("frequency")})", labels);
        }
        if (e.Prop("medications") is { ValueKind: JsonValueKind.Object } meds && meds.Array("current").Any())
        {
            b.Skip(where, "CrisisCore's list of current medicines (a list, not doses taken)");
        }
        foreach (var t in e.Prop("treatments")?.Array("recent") ?? [])
        {
            Treatment(b, t, where, utc);
        }
    }

    private static void Treatment(ImportBuilder b, JsonElement t, string where, DateTime entryUtc)
    {
        var type = t.Str("type") ?? "";
        var date = t.Str("date");
        var key = b.Key("treatment", type.ToLowerInvariant(), t.Str("provider"), date);
        var match = Treatments.FirstOrDefault(m => type.Contains(m.Word, StringComparison.OrdinalIgnoreCase));
        if (match.Modality is null)
        {
            if (b.FirstTime(key + "-skip"))
            {
                b.Skip(where, "a treatment whose kind is not one of ours (it is kept out rather than guessed)");
            }
            return;
        }
        DateTime at;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A date only: noon that day in the chosen zone.
            at = b.Utc(day, new TimeOnly(12, 0));
        }
        else if (DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            at = when.UtcDateTime;
        }
        else
        {
            at = entryUtc;
        }
        b.AddTreatment(key, where, new Treatment
        {
            StartedAtUtc = at,
            ModalityId = match.Modality,
            Kind = match.Kind,
            Therapist = t.Str("provider") is { Length: > 0 and <= 100 } provider ? provider : null,
            Notes = t.Str("effectiveness") is { Length: > 0 } eff ? $"Effectiveness (CrisisCore): {ImportBuilder.Short(eff)}" : null,
        }, type);
    }
}
