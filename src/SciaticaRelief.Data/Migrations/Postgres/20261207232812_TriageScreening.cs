using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Postgres
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
                type: "boolean",
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
