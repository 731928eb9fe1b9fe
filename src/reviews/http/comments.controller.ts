import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { CommentsService } from '../comments.service';
import { CommentDto, CommentListDto, CreateCommentDto } from '../dto/comment.dto';
import { REVIEW_ROLES } from '../review-roles';

@ApiTags('reviews')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post(':id/comments')
  @Roles(...REVIEW_ROLES)
  @ApiOperation({ summary: 'Comment on a session or one of its items', description: 'Owners, admins and reviewers.' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  create(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() dto: CreateCommentDto): Promise<CommentDto> {
    return this.comments.create(caller, id, dto);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'A session’s comments, oldest first', description: 'Any member of the organization.' })
  @ApiOkResponse({ type: CommentListDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<CommentListDto> {
    return this.comments.list(caller, id);
  }
}
