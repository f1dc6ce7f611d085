using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SafetyWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows saved before this migration recorded no warnings: an empty JSON list (the columns are read as JSON).
            migrationBuilder.AddColumn<string>(
                name: "SafetyWarnings",
                table: "Treatments",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SafetyWarnings",
                table: "SessionNotes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Precautions",
                table: "PlanItems",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SafetyWarnings",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "SafetyWarnings",
                table: "SessionNotes");

            migrationBuilder.DropColumn(
                name: "Precautions",
                table: "PlanItems");
        }
    }
}
