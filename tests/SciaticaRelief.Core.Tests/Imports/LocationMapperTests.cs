using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Tests.Imports;

public sealed class LocationMapperTests
{
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        { "Lower back", "LowBack:Both", "CrisisCore's own word, mixed case: the back is midline" },
        { "lower BACK", "LowBack:Both", "case does not matter" },
        { "Hip (L)", "Buttock:Left", "CrisisCore's side in brackets; sciatic 'hip' pain is the buttock" },
        { "outer left leg", "Thigh:Left Calf:Left", "a whole leg is thigh and calf; 'outer' is ignored" },
        { "left calf", "Calf:Left", "the CLI's example" },
        { "buttock", "Buttock:Both", "no side given: not guessed to one side" },
        { "both legs", "Thigh:Both Calf:Both", "both and a plural" },
        { "Lower back; Hip (L); outer left leg", "LowBack:Both Buttock:Left Thigh:Left Calf:Left", "several locations in one entry, joined as CrisisCore joins them" },
        { "left calf, right foot", "Calf:Left Foot:Right", "comma-joined items keep their own sides" },
        { "left buttock and right buttock", "Buttock:Both", "left and right of one region make both" },
        { "Right lower leg", "Calf:Right", "'lower leg' is the calf, not the thigh" },
        { "Back (lower) pain", "LowBack:Both", "Bearable's symptom name" },
        { "upper back", "", "not on our map" },
        { "back of the right thigh", "Thigh:Right", "'back of' is not the low back" },
        { "neck, shoulder", "", "nothing of ours: the original text is kept instead" },
        { "", "", "empty" },
        { "Sciatica right leg", "Thigh:Right Calf:Right", "Life Notes' label" },
        { "Fuß links", "", "not English: nothing mapped, original kept" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_FreeText_Areas(string text, string expected, string why) =>
        Assert.True(Describe(LocationMapper.Map(text)) == expected, $"{why}: got \"{Describe(LocationMapper.Map(text))}\"");

    public static TheoryData<string, string, string> PainDiaryCases { get; } = new()
    {
        { "26,30", "Thigh:Left Calf:Left", "the two regions the format description names" },
        { "0,1,2", "", "head and shoulders: not on our map" },
        { "26,27", "Thigh:Both", "left and right thigh" },
        { "99,x,", "", "unknown numbers and junk map to nothing" },
    };

    [Theory]
    [MemberData(nameof(PainDiaryCases))]
    public void MapPainDiary_RegionNumbers_Areas(string regions, string expected, string why) =>
        Assert.True(Describe(LocationMapper.MapPainDiary(regions)) == expected, $"{why}: got \"{Describe(LocationMapper.MapPainDiary(regions))}\"");

    private static string Describe(IReadOnlyList<BodyArea> areas) => string.Join(" ", areas.Select(a => $"{a.Region}:{a.Side}"));
}
