import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of /v1/auth/refresh and /v1/auth/logout. */
export class RefreshTokenDto {
  @ApiProperty({ example: 'assay_rt_3q2-7wEXAMPLEu0pZc1Lh0xk0Jd8tq4bVQyYvN8mPqM4', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}
