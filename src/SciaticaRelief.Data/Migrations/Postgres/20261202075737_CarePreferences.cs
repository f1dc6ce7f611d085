using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CarePreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Preferences",
                table: "Profiles",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Preferences",
                table: "Profiles");
        }
    }
}
