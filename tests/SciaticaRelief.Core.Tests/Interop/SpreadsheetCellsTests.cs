using SciaticaRelief.Core.Interop.Csv;

namespace SciaticaRelief.Core.Tests.Interop;

public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")] // a formula
    [InlineData("=HYPERLINK(\"http://evil\",\"click\")", "'=HYPERLINK(\"http://evil\",\"click\")")] // the classic exfiltration link
    [InlineData("+41 79 000 00 00", "'+41 79 000 00 00")] // + starts a formula too, even in a phone number
    [InlineData("-3 after the walk", "'-3 after the walk")] // text starting with minus: text cells are always guarded
    [InlineData("-3", "'-3")] // a minus number typed as text is text; numeric columns are written as numbers, unguarded
    [InlineData("@SUM(1)", "'@SUM(1)")] // Lotus-style function prefix
    [InlineData("\tcmd", "'\tcmd")] // a leading tab can hide a formula after it
    [InlineData("\r=1", "'\r=1")] // a leading carriage return likewise
    [InlineData("calf =sore", "calf =sore")] // only the first character matters
    [InlineData("'quoted already", "'quoted already")] // an apostrophe is no trigger
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralise_Cell_PrefixesOnlyFormulaStarts(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Neutralise(text));
}
