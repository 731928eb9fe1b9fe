import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.dto';
import type { Caller } from './caller';
import { CurrentCaller } from './current-caller.decorator';
import { MeDto } from './dto/me.dto';
import { MeService } from './me.service';

@ApiTags('auth')
@ApiBearerAuth('bearer')
@Controller('v1/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: 'Who is calling: user or API key, organization and role' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  describe(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.me.describe(caller);
  }
}
