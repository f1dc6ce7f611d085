using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Tests.Treatments;

namespace SciaticaRelief.Core.Tests.Imports;

/// <summary>The test files of Imports/Files and the readers, as the app registers them.</summary>
internal static class ImportFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Files", name);

    public static IReadOnlyList<IImportReader> Readers { get; } =
    [
        new CrisisCoreCsvReader(TreatmentContent.Labels),
        new CrisisCoreJsonReader(TreatmentContent.Labels),
        new PainDiaryBackupReader(TreatmentContent.Labels),
        new BearableCsvReader(TreatmentContent.Labels),
        new LifeNotesJsonReader(),
        new GenericCsvReader(),
    ];

    public static ImportSet Read(IImportReader reader, string file, string zone = "Europe/London", bool local = false, IReadOnlyDictionary<string, string>? columns = null)
    {
        using var stream = File.OpenRead(PathOf(file));
        return reader.Read(stream, new ImportChoices(zone, local, columns));
    }

    public static ImportSet Read(string text, IImportReader reader, string zone = "Europe/London", bool local = false, IReadOnlyDictionary<string, string>? columns = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return reader.Read(stream, new ImportChoices(zone, local, columns));
    }

    public static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);
}
