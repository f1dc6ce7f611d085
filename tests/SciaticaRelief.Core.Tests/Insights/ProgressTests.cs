using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class ProgressTests
{
    public static TheoryData<int[], int[], bool, string> Rows { get; } = new()
    {
        { [], [], false, "no check-ins at all: nothing to judge" },
        { [], [5, 5], false, "no first week: no baseline to compare with" },
        { [5, 5], [], false, "no last week: no recent value to compare" },
        { [5], [3, 4], false, "5 -> 3.5 is exactly 30% better: an important change (Farrar 2001), so progress" },
        { [5], [4, 4, 4, 3, 3], true, "5 -> 3.6 is 28% better: short of 30%, no progress" },
        { [6, 6], [6], true, "unchanged pain: no progress" },
        { [4], [7], true, "worse pain: no progress" },
        { [8, 8], [2], false, "8 -> 2 is a large improvement" },
        { [0], [0], false, "first week pain 0: there is nothing to improve on" },
        { [0], [6], false, "first week 0: a percentage of 0 cannot be judged (the pain rules take over)" },
        { [10, 10, 10], [7, 7, 7], false, "10 -> 7 is exactly 30% on whole numbers" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void NoProgress_FirstAndLastWeek_TrueOnlyWhenUnder30PercentBetter(int[] firstWeek, int[] lastWeek, bool expected, string why)
    {
        Assert.True(expected == Progress.NoProgress(firstWeek, lastWeek), why);
    }
}
