namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>The formats the importer reads, by the id the API, the CLI and the import report use.</summary>
public static class ImportFormats
{
    public const string ReliefFhir = "relief-fhir";
    public const string CrisisCoreCsv = "crisiscore-csv";
    public const string CrisisCoreJson = "crisiscore-json";
    public const string PrivacyFriendlyPainDiary = "pfpd-backup";
    public const string Bearable = "bearable-csv";
    public const string LifeNotes = "lifenotes-json";
    public const string GenericCsv = "generic-csv";
}
