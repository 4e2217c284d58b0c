using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TayNinhCchc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDemoTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Demo",
                table: "RatingTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Demo",
                table: "RatingTallies");
        }
    }
}
