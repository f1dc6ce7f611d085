using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Tests.Treatments;
using static SciaticaRelief.Core.Tests.Imports.ImportFiles;

namespace SciaticaRelief.Core.Tests.Imports;

public sealed class CrisisCoreCsvReaderTests
{
    private static readonly CrisisCoreCsvReader Reader = new(TreatmentContent.Labels);

    [Fact]
    public void Read_FullPolicyOnOneLine_EveryRowWithItsQuirks()
    {
        var set = Read(Reader, "crisiscore-full.csv");

        Assert.Empty(set.Errors);
        Assert.Equal(4, set.CheckIns.Count);
        var first = set.CheckIns[0];
        Assert.Equal(Utc(2025, 10, 1, 7, 15), first.Row.OccurredAtUtc);
        Assert.Equal(6, first.Row.PainNow);
        Assert.Equal("Woke with it \"again\"", first.Row.Notes);
        Assert.Equal("Lower back; Hip (L); outer left leg", first.Original);
        Assert.Equal(BodyMap.ToBits([new(BodyRegion.LowBack, Side.Both), new(BodyRegion.Buttock, Side.Left), new(BodyRegion.Thigh, Side.Left), new(BodyRegion.Calf, Side.Left)]), first.Row.BodyAreas);
        Assert.Equal(Radiation.BelowKnee, first.Row.Radiation);
        Assert.Equal(PainQuality.Shooting | PainQuality.Tingling, first.Row.Qualities);
        Assert.Equal(SourceKeys.RowId(first.SourceKey), first.Row.Id);
        // A real newline inside quotes and non-ASCII survive; 23:40 UTC is already the 2nd in... no: London is UTC+1 in October.
        var second = set.CheckIns[1];
        Assert.Equal("Late walk\nthen stretching — café on the way 😀", second.Row.Notes);
        Assert.Equal(new DateOnly(2025, 10, 2), second.Row.LocalDate);
        Assert.Equal(PainQuality.Burning | PainQuality.Tingling, second.Row.Qualities);
        // A literal \n inside a quoted note is the note's own text, not a row join.
        Assert.Equal("C:\\new path", set.CheckIns[3].Row.Notes);
    }

    [Fact]
    public void Read_OldFileInLocalTime_DstGapShiftedForward()
    {
        var set = Read(Reader, "crisiscore-full.csv", local: true);

        // 01:30 on 30 March 2025 does not exist in London: read with the offset before the gap (GMT), it is 01:30 UTC (02:30 BST).
        Assert.Equal(Utc(2025, 3, 30, 1, 30), set.CheckIns[3].Row.OccurredAtUtc);
        // 07:15 BST is 06:15 UTC.
        Assert.Equal(Utc(2025, 10, 1, 6, 15), set.CheckIns[0].Row.OccurredAtUtc);
    }

    [Fact]
    public void Read_MinimalPolicy_KnownMedicinesBecomeTreatmentsOthersSkipped()
    {
        var set = Read(Reader, "crisiscore-minimal.csv");

        Assert.Empty(set.Errors);
        Assert.Equal(2, set.CheckIns.Count);
        Assert.Equal(2, set.Treatments.Count);
        Assert.Equal(new MedicineDose("ibuprofen", "Ibuprofen", 400), set.Treatments[0].Row.Doses.Single());
        Assert.Equal("paracetamol", set.Treatments[1].Row.Doses.Single().Ingredient);
        Assert.All(set.Treatments, t => Assert.Equal(TreatmentKind.Medicine, t.Row.Kind));
        Assert.Single(set.Skipped); // gabapentin is not an over-the-counter ingredient
    }

    [Fact]
    public void Read_Twice_SameKeysAndIds()
    {
        var a = Read(Reader, "crisiscore-full.csv");
        var b = Read(Reader, "crisiscore-full.csv", local: true);

        // The UTC-or-local choice does not change what a row is: a re-import with the other choice still finds it.
        Assert.Equal(a.CheckIns.Select(c => c.SourceKey), b.CheckIns.Select(c => c.SourceKey));
    }

    [Fact]
    public void Read_BadValues_ErrorsNameRowAndColumn()
    {
        var set = Read(Reader, "crisiscore-bad-values.csv");

        Assert.Empty(set.CheckIns);
        Assert.Contains(new ImportError("row 2", "Pain Level", "\"7,5\" is not a whole number from 0 to 10."), set.Errors);
        Assert.Contains(new ImportError("row 3", "Pain Level", "\"ten\" is not a whole number from 0 to 10."), set.Errors);
        Assert.Contains(set.Errors, e => e is { Where: "row 4", Column: "Date" } && e.Message.Contains("2025-02-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownColumn_Error()
    {
        var set = Read(Reader, "crisiscore-unknown-column.csv");

        Assert.Contains(set.Errors, e => e is { Where: "row 1", Column: "Weather" });
        Assert.Empty(set.CheckIns);
    }

    [Fact]
    public void Read_Truncated_Error()
    {
        var set = Read(Reader, "crisiscore-truncated.csv");

        Assert.Contains(set.Errors, e => e.Message.Contains("cut short", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bearable-current.csv", "a Bearable file given as CrisisCore")]
    [InlineData("paindiary.backup", "JSON given as CSV")]
    [InlineData("zipbomb.zip", "binary given as CSV")]
    public void Read_Mislabelled_NotACrisisCoreCsv(string file, string why)
    {
        var set = Read(Reader, file);

        Assert.True(set.Errors.Count > 0, why);
        Assert.Empty(set.CheckIns);
    }

    [Fact]
    public void Read_MoreErrorsThanTheLimit_StopsAtTheLimit()
    {
        var rows = string.Join("\\n", Enumerable.Range(0, 500).Select(i => "2025-10-01,07:15,eleven,\"\",\"\",\"\",,,,\"\""));
        var set = Read("Date,Time,Pain Level,Locations,Symptoms,Limited Activities,Sleep Quality,Mood Impact,Missed Work Days,Notes\\n" + rows, Reader);

        Assert.Equal(ImportLimits.MaxErrors, set.Errors.Count);
    }

    [Fact]
    public void Read_UnknownZone_Error()
    {
        var set = Read(Reader, "crisiscore-full.csv", zone: "Mars/Olympus");

        Assert.Contains(set.Errors, e => e.Where == "file" && e.Message.Contains("Mars/Olympus", StringComparison.Ordinal));
    }
}

public sealed class CrisisCoreJsonReaderTests
{
    private static readonly CrisisCoreJsonReader Reader = new(TreatmentContent.Labels);

    [Fact]
    public void Read_Full_EntriesTreatmentsOnceAndSkips()
    {
        var set = Read(Reader, "crisiscore-full.json");

        Assert.Empty(set.Errors);
        Assert.Equal(2, set.CheckIns.Count);
        var first = set.CheckIns[0];
        Assert.Equal(SourceKeys.For(ImportFormats.CrisisCoreJson, "entry", "1727000000000001"), first.SourceKey); // the 64-bit id, exact
        Assert.Equal(Utc(2025, 10, 1, 7, 15), first.Row.OccurredAtUtc);
        Assert.Equal(PainQuality.Shooting | PainQuality.Numbness, first.Row.Qualities);
        Assert.Equal(Trigger.Sitting, first.Row.Triggers);
        Assert.Contains("cold weather", first.Row.Notes, StringComparison.Ordinal);
        Assert.Equal("Lower back; left calf", first.Original);
        Assert.Equal(SourceKeys.For(ImportFormats.CrisisCoreJson, "entry", "entry-2"), set.CheckIns[1].SourceKey);
        Assert.Equal(3, set.CheckIns[1].Row.PainNow); // the amended value, not a revision's
        // The massage repeated in both entries is one treatment; Reiki is not ours.
        var massage = Assert.Single(set.Treatments);
        Assert.Equal("deep-tissue-massage", massage.Row.ModalityId);
        Assert.Equal("Ana Núñez", massage.Row.Therapist);
        Assert.Contains(set.Skipped, s => s.Reason.Contains("not one of ours", StringComparison.Ordinal));
        Assert.Contains(set.Skipped, s => s.Reason.Contains("current medicines", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Minimal_PainLevelAndMedicines()
    {
        var set = Read(Reader, "crisiscore-minimal.json");

        Assert.Empty(set.Errors);
        Assert.Equal(8, Assert.Single(set.CheckIns).Row.PainNow);
        Assert.Equal(new MedicineDose("naproxen-sodium", "Naproxen", 250), Assert.Single(set.Treatments).Row.Doses.Single());
        Assert.Single(set.Skipped);
    }

    [Theory]
    [InlineData("[{\"id\":1,\"timestamp\":\"2025-10-01T07:15:00.000Z\",\"painLevel\":\"7,5\"}]", "painLevel", "a decimal comma")]
    [InlineData("[{\"id\":1,\"timestamp\":\"2025-10-01T07:15:00.000Z\",\"baselineData\":{\"pain\":11}}]", "baselineData.pain", "above 10")]
    [InlineData("[{\"id\":1,\"timestamp\":\"2025-02-31T07:15:00.000Z\",\"painLevel\":3}]", "timestamp", "31 February")]
    public void Read_BadEntry_ErrorNamesTheField(string json, string column, string why)
    {
        var set = Read(json, Reader);

        Assert.True(set.Errors.Any(e => e.Where == "entry 1" && e.Column == column), why);
    }

    [Fact]
    public void Read_Truncated_Error()
    {
        var text = File.ReadAllText(PathOf("crisiscore-full.json"));
        var set = Read(text[..(text.Length / 2)], Reader);

        Assert.Contains(set.Errors, e => e.Message.Contains("not a complete", StringComparison.Ordinal));
    }
}

public sealed class PainDiaryBackupReaderTests
{
    private static readonly PainDiaryBackupReader Reader = new(TreatmentContent.Labels);

    [Theory]
    [InlineData("paindiary.backup", "a single envelope")]
    [InlineData("paindiary.zip", "a zip of envelopes, one of another app")]
    public void Read_Backup_DayEntriesAtNoonWithRegionsAndMedicines(string file, string why)
    {
        var set = Read(Reader, file);

        Assert.True(set.Errors.Count == 0, why + ": " + string.Join("; ", set.Errors));
        Assert.Equal(2, set.CheckIns.Count);
        var first = set.CheckIns[0].Row;
        // 30 March 2025, the day the clocks go forward in London: noon is BST, 11:00 UTC.
        Assert.Equal(Utc(2025, 3, 30, 11, 0), first.OccurredAtUtc);
        Assert.Equal(new DateOnly(2025, 3, 30), first.LocalDate);
        Assert.Equal(7, first.PainNow);
        Assert.Equal(Radiation.BelowKnee, first.Radiation);
        Assert.Equal(PainQuality.Shooting | PainQuality.Burning, first.Qualities);
        Assert.StartsWith("Schmerz im Bein, übel", first.Notes, StringComparison.Ordinal);
        Assert.Contains("condition bad", first.Notes, StringComparison.Ordinal);
        Assert.Equal("body regions 26,30", set.CheckIns[0].Original);
        // Two ibuprofen 400 mg that day; the herbal tea is not an over-the-counter ingredient.
        Assert.Equal(800m, Assert.Single(set.Treatments).Row.Doses.Single().Milligrams);
        Assert.Contains(set.Skipped, s => s.Reason.Contains("no pain recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Encrypted_RefusedWithAClearMessage()
    {
        var set = Read(Reader, "paindiary-encrypted.backup");

        var error = Assert.Single(set.Errors);
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
        Assert.Contains("without encryption", error.Message, StringComparison.Ordinal);
        Assert.Empty(set.CheckIns);
    }

    [Fact]
    public void Read_ZipBomb_RefusedBeforeExpandingIt()
    {
        var set = Read(Reader, "zipbomb.zip");

        Assert.Contains(set.Errors, e => e.Message.Contains("expands to more than", StringComparison.Ordinal));
        Assert.Empty(set.CheckIns);
    }

    [Fact]
    public void Read_TruncatedZip_Error()
    {
        var bytes = File.ReadAllBytes(PathOf("paindiary.zip"));
        using var stream = new MemoryStream(bytes[..(bytes.Length / 2)]);

        var set = Reader.Read(stream, new ImportChoices("Europe/London"));

        Assert.NotEmpty(set.Errors);
        Assert.Empty(set.CheckIns);
    }
}

public sealed class BearableCsvReaderTests
{
    private static readonly BearableCsvReader Reader = new(TreatmentContent.Labels);

    [Theory]
    [InlineData("bearable-current.csv", "current header with date formatted")]
    [InlineData("bearable-older.csv", "older header: ordinal dates only")]
    public void Read_BothLayouts_SymptomsGroupedMedsAndSkips(string file, string why)
    {
        var set = Read(Reader, file);

        Assert.True(set.Errors.Count == 0, why + ": " + string.Join("; ", set.Errors));
        Assert.Equal(3, set.CheckIns.Count);
        var morning = set.CheckIns.Single(c => c.Row.OccurredAtUtc == Utc(2020, 9, 22, 7, 30)).Row; // 08:30 BST
        Assert.Equal(BearableCsvReader.SeverityToPain["Severe"], morning.PainNow); // worst of Moderate and Severe
        Assert.Equal(Radiation.BelowKnee, morning.Radiation);
        Assert.Equal("Sitting at the desk", morning.Notes);
        Assert.Equal("Back (lower) pain (Moderate); Sciatica left leg (Severe)", set.CheckIns.Single(c => c.Row == morning).Original);
        var evening = set.CheckIns.Single(c => c.Row.OccurredAtUtc == Utc(2020, 9, 22, 18, 0)).Row; // "pm" is 19:00 local
        Assert.Equal(10, evening.PainNow);
        Assert.Equal("Couldn't \"sleep\"\nat all", evening.Notes);
        Assert.Equal(Utc(2020, 9, 23, 11, 0), set.CheckIns.Single(c => c.Row.PainNow == 2 && c.Row.LocalDate.Day == 23).Row.OccurredAtUtc); // "Day 3" is noon
        var ibuprofen = Assert.Single(set.Treatments);
        Assert.Equal(new MedicineDose("ibuprofen", "Ibuprofen", 400), ibuprofen.Row.Doses.Single());
        Assert.Equal(Utc(2020, 9, 22, 8, 5), ibuprofen.Row.StartedAtUtc); // "9:05", not zero-padded
        var reasons = set.Skipped.GroupBy(s => s.Reason).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, reasons["a Bearable symptom that is not pain"]);
        Assert.Equal(1, reasons["a medicine the over-the-counter list does not know, or with no amount in mg"]); // paracetamol in tablets
        Assert.Equal(1, reasons["Bearable's \"Mood\" rows (no place for them in the journal)"]);
        Assert.Equal(1, reasons["Bearable's \"Caffeine\" rows (no place for them in the journal)"]);
    }

    [Fact]
    public void Read_BadValues_ErrorsNameRowAndColumn()
    {
        var set = Read(Reader, "bearable-bad.csv");

        Assert.Contains(set.Errors, e => e is { Where: "row 2", Column: "date formatted" });
        Assert.Contains(set.Errors, e => e is { Where: "row 3", Column: "rating/amount" } && e.Message.Contains("\"ten\"", StringComparison.Ordinal));
        Assert.Empty(set.CheckIns);
    }

    [Fact]
    public void Read_OlderLayoutOrdinalOf31February_Error()
    {
        var set = Read("\"date\",\"weekday\",\"time of day\",\"category\",\"rating/amount\",\"detail\",\"notes\"\n\"31st Feb 2020\",\"Monday\",\"am\",\"Symptom\",\"2\",\"Back pain (Moderate)\",\"\"", Reader);

        Assert.Contains(set.Errors, e => e is { Where: "row 2", Column: "date" });
    }
}

public sealed class LifeNotesJsonReaderTests
{
    private static readonly LifeNotesJsonReader Reader = new();

    [Fact]
    public void Read_FivePointScale_DoubledLogsAndOverviewDay()
    {
        var set = Read(Reader, "life-notes-save-202510261200.json");

        Assert.Empty(set.Errors);
        Assert.Equal(3, set.CheckIns.Count);
        // 26 October 2025: London's clocks went back at 02:00, but this day has only an overview: noon GMT.
        var overview = set.CheckIns.Single(c => c.Row.LocalDate == new DateOnly(2025, 10, 26)).Row;
        Assert.Equal(7, overview.PainNow); // 3.5 of 5 is 7 of 10
        Assert.Equal(Utc(2025, 10, 26, 12, 0), overview.OccurredAtUtc);
        var night = set.CheckIns.Single(c => c.Row.OccurredAtUtc == Utc(2025, 10, 25, 0, 30)).Row; // 01:30 BST
        Assert.Equal(8, night.PainNow);
        Assert.Equal("Nachts — stechend", night.Notes);
        Assert.Equal(Radiation.BelowKnee, night.Radiation);
        Assert.Equal(5, set.CheckIns.Single(c => c.Row.OccurredAtUtc == Utc(2025, 10, 25, 17, 0)).Row.PainNow); // 2.5 of 5, rounded half up
        Assert.Equal(2, set.Skipped.Count); // one medicine, one non-symptom log
    }

    [Fact]
    public void Read_AmbiguousTimeOnTheDayClocksGoBack_FirstOccurrence()
    {
        var set = Read("{\"days\":[{\"date\":\"2025-10-26\",\"symptoms\":[{\"key\":\"s\",\"logs\":[{\"time\":\"01:30\",\"key\":\"x\",\"pain\":6}]}]}],\"symptoms\":[],\"settings\":{\"painScale\":10}}", Reader);

        // 01:30 happened twice in London that night; the first (BST) is 00:30 UTC.
        Assert.Equal(Utc(2025, 10, 26, 0, 30), Assert.Single(set.CheckIns).Row.OccurredAtUtc);
    }

    [Theory]
    [InlineData("{\"days\":[{\"date\":\"2025-10-26\",\"symptoms\":[{\"key\":\"s\",\"logs\":[{\"time\":\"01:30\",\"pain\":6}]}]}],\"settings\":{\"painScale\":5}}", "pain", "6 on a 5-point scale")]
    [InlineData("{\"days\":[{\"date\":\"2025-02-31\",\"symptoms\":[]}],\"settings\":{\"painScale\":10}}", "date", "31 February")]
    [InlineData("{\"days\":[],\"settings\":{\"painScale\":7}}", "painScale", "a scale Life Notes does not have")]
    public void Read_BadValues_Error(string json, string column, string why) =>
        Assert.True(Read(json, Reader).Errors.Any(e => e.Column == column), why);
}

public sealed class GenericCsvReaderTests
{
    private static readonly GenericCsvReader Reader = new();

    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["date"] = "When", ["time"] = "Clock", ["pain"] = "Score", ["location"] = "Where", ["notes"] = "Comment",
    };

    [Fact]
    public void Read_Mapped_RowsWithZoneAndDstGap()
    {
        var set = Read(Reader, "generic.csv", columns: Mapping);

        Assert.Empty(set.Errors);
        Assert.Equal(3, set.CheckIns.Count);
        Assert.Equal(Utc(2025, 3, 14, 21, 30), set.CheckIns[0].Row.OccurredAtUtc); // GMT in March before the change
        Assert.Equal("Notes with, comma", set.CheckIns[0].Row.Notes);
        Assert.Equal("left calf, buttock", set.CheckIns[0].Original);
        Assert.Equal(Utc(2025, 3, 15, 12, 0), set.CheckIns[1].Row.OccurredAtUtc); // no time: noon
        Assert.Equal(Utc(2025, 3, 30, 1, 30), set.CheckIns[2].Row.OccurredAtUtc); // in the gap: shifted forward
    }

    [Fact]
    public void Read_NoMapping_AsksForTheColumns()
    {
        var set = Read(Reader, "generic.csv");

        Assert.Contains(set.Errors, e => e.Column == "date" && e.Message.Contains("When, Clock, Score", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MappingToAnUnknownColumn_Error()
    {
        var set = Read(Reader, "generic.csv", columns: new Dictionary<string, string>(Mapping) { ["pain"] = "Pain Level" });

        Assert.Contains(set.Errors, e => e is { Where: "row 1", Column: "Pain Level" } && e.Message.StartsWith("Unknown column", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BadValues_ErrorsNameRowAndColumn()
    {
        var set = Read(Reader, "generic-bad.csv", columns: Mapping);

        Assert.Contains(set.Errors, e => e is { Where: "row 2", Column: "When" } && e.Message.StartsWith("\"31/02/2025\" is not a date", StringComparison.Ordinal));
        Assert.Contains(new ImportError("row 3", "Score", "\"7,5\" is not a whole number from 0 to 10."), set.Errors);
        Assert.Contains(new ImportError("row 4", "Score", "\"ten\" is not a whole number from 0 to 10."), set.Errors);
        Assert.Empty(set.CheckIns);
    }
}

public sealed class RecognitionTests
{
    public static TheoryData<string, string, string> Files { get; } = new()
    {
        { "crisiscore-full.csv", ImportFormats.CrisisCoreCsv, "its header" },
        { "crisiscore-minimal.csv", ImportFormats.CrisisCoreCsv, "the minimal header" },
        { "crisiscore-full.json", ImportFormats.CrisisCoreJson, "a list with baselineData" },
        { "crisiscore-minimal.json", ImportFormats.CrisisCoreJson, "a list with painLevel" },
        { "paindiary.backup", ImportFormats.PrivacyFriendlyPainDiary, "the package name" },
        { "paindiary.zip", ImportFormats.PrivacyFriendlyPainDiary, "a zip" },
        { "bearable-current.csv", ImportFormats.Bearable, "current header" },
        { "bearable-older.csv", ImportFormats.Bearable, "older header" },
        { "life-notes-save-202510261200.json", ImportFormats.LifeNotes, "days and overviews" },
        { "generic.csv", ImportFormats.GenericCsv, "any other CSV" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Recognises_EachFile_ItsFormatFirst(string file, string format, string why)
    {
        var bytes = File.ReadAllBytes(PathOf(file));
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).ToArray();

        Assert.True(ImportFiles.Readers.First(r => r.Recognises(head, file)).Format == format, why);
    }
}
