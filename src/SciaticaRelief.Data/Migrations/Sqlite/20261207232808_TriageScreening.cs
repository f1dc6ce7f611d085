using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TriageScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Screened",
                table: "TriageAssessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(LegacyScreening.UpdateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Screened",
                table: "TriageAssessments");
        }
    }
}
